package network.internet2.stoq.transport.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import network.internet2.stoq.RefusalReason;
import network.internet2.stoq.StoqTransport;

/**
 * The main STOQ transport's meters in the node's {@link MeterRegistry}. Counts come from the endpoint's own
 * {@link TransportCounters} (function counters and gauges read them, nothing is counted twice); handshake times
 * and bulk-stream throughput arrive through the endpoint's {@link TransportObserver}, which this component sets
 * while it is active.
 *
 * <ul>
 * <li>{@code stoq.connections.active} (gauge), {@code stoq.connections.opened} (counter): established connections,
 * both directions;</li>
 * <li>{@code stoq.streams.opened} (counter), {@code stoq.streams.active} (gauge);</li>
 * <li>{@code stoq.bytes{direction=sent|received}} (counter, bytes): stream bytes, headers included;</li>
 * <li>{@code stoq.handshake.duration{side=client|server, outcome=success|failure}} (timer, SLO buckets 1 ms …
 * 1 s): from the start of the QUIC handshake to the connection being admitted — certificate checks and the
 * possession proof included — or failing;</li>
 * <li>{@code stoq.refusals{reason=…}} (counter): peers refused, by {@link RefusalReason#label()};</li>
 * <li>{@code stoq.stream.throughput.gbps} (summary): per stream direction that carried at least 1 MiB of
 * payload, bytes × 8 / time from the stream's opening to that direction's end, in Gbit/s.</li>
 * </ul>
 * Every meter is removed from the registry on deactivation.
 */
@Component(immediate = true)
public class StoqMetrics {

    /** The handshake timer's buckets, in milliseconds. */
    static final long[] HANDSHAKE_BUCKETS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
    /** The throughput summary's buckets, in Gbit/s. */
    static final double[] THROUGHPUT_BUCKETS_GBPS = {0.1, 0.5, 1, 2, 5, 10, 20, 40, 100};

    private final MeterRegistry registry;
    private final StoqEndpoint endpoint;
    private final List<Meter> meters = new ArrayList<>();
    private final Map<Boolean, Timer> admitted;
    private final Map<Boolean, Timer> failed;
    private final DistributionSummary throughput;

    @Activate
    public StoqMetrics(@Reference MeterRegistry registry,
            @Reference(target = "(!(" + StoqAdditionalTransport.ROLE_PROPERTY + "="
                    + StoqAdditionalTransport.ADDITIONAL + "))") StoqTransport transport) {
        this(registry, ((StoqTransportComponent) transport).endpoint());
    }

    StoqMetrics(MeterRegistry registry, StoqEndpoint endpoint) {
        this.registry = registry;
        this.endpoint = endpoint;
        TransportCounters counters = endpoint.counters();
        gauge("stoq.connections.active", "Established STOQ connections, both directions", counters,
                TransportCounters::connectionsActive);
        counter("stoq.connections.opened", "STOQ connections whose handshake completed, both directions", counters,
                TransportCounters::connectionsOpened);
        counter("stoq.streams.opened", "STOQ streams opened in both directions and accepted", counters,
                TransportCounters::streamsOpened);
        gauge("stoq.streams.active", "STOQ streams open now, both directions", counters,
                TransportCounters::streamsActive);
        keep(FunctionCounter.builder("stoq.bytes", counters, TransportCounters::bytesOut).tag("direction", "sent")
                .description("STOQ stream bytes sent (headers included)").baseUnit(BaseUnits.BYTES).register(registry));
        keep(FunctionCounter.builder("stoq.bytes", counters, TransportCounters::bytesIn).tag("direction", "received")
                .description("STOQ stream bytes received (headers included)").baseUnit(BaseUnits.BYTES)
                .register(registry));
        for (RefusalReason reason : RefusalReason.values()) {
            keep(FunctionCounter.builder("stoq.refusals", counters, c -> c.refusals(reason))
                    .tag("reason", reason.label()).description("Peers refused by this node, by reason")
                    .register(registry));
        }
        this.admitted = Map.of(true, handshakeTimer("client", "success"), false, handshakeTimer("server", "success"));
        this.failed = Map.of(true, handshakeTimer("client", "failure"), false, handshakeTimer("server", "failure"));
        this.throughput = keep(DistributionSummary.builder("stoq.stream.throughput.gbps")
                .description("Payload throughput of each STOQ stream direction that carried at least 1 MiB")
                .baseUnit("gbps").serviceLevelObjectives(THROUGHPUT_BUCKETS_GBPS).register(registry));
        endpoint.observe(new Observer());
    }

    @Deactivate
    void deactivate() {
        endpoint.observe(TransportObserver.NONE);
        for (Meter meter : meters) {
            registry.remove(meter);
        }
        meters.clear();
    }

    private Timer handshakeTimer(String side, String outcome) {
        Duration[] buckets = new Duration[HANDSHAKE_BUCKETS_MS.length];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = Duration.ofMillis(HANDSHAKE_BUCKETS_MS[i]);
        }
        return keep(Timer.builder("stoq.handshake.duration").tag("side", side).tag("outcome", outcome)
                .description("From the start of the QUIC handshake to the connection being admitted (certificate "
                        + "checks and possession proof included) or failing")
                .serviceLevelObjectives(buckets).register(registry));
    }

    private void gauge(String name, String description, TransportCounters counters,
            ToDoubleFunction<TransportCounters> value) {
        keep(Gauge.builder(name, counters, value).description(description).strongReference(true).register(registry));
    }

    private void counter(String name, String description, TransportCounters counters,
            ToDoubleFunction<TransportCounters> value) {
        keep(FunctionCounter.builder(name, counters, value).description(description).register(registry));
    }

    private <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }

    /** The hot path: a map lookup and a record per handshake, one record per bulk stream direction. */
    private final class Observer implements TransportObserver {
        @Override
        public void handshakeFinished(boolean client, boolean admittedOk, long nanos) {
            (admittedOk ? admitted : failed).get(client).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }

        @Override
        public void bulkStreamFinished(long payloadBytes, long nanos) {
            if (nanos > 0) {
                throughput.record(payloadBytes * 8.0 / nanos);
            }
        }
    }
}
