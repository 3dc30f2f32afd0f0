package network.internet2.trustchain.ca.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import network.internet2.trustchain.ca.CertificateAuthority;

/**
 * The CA's meters in the node's registry:
 * <ul>
 * <li>{@value #OPERATION_DURATION}: a timer per {@code operation} ({@code issue}, CT logging included;
 * {@code renew}; {@code revoke}; {@code validate}, the chain checks the CA makes for others such as STOQ)
 * and {@code outcome} ({@code success}, or {@code failure}: refused, failed, or for a validation an
 * invalid chain), with service-level buckets from 1 ms to 1 s; the node alerts on its window maximum;</li>
 * <li>{@value #ACTIVE_CERTIFICATES}: issued certificates neither expired nor revoked;</li>
 * <li>{@value #REVOCATIONS}: certificates revoked, as recorded in the CA's journal.</li>
 * </ul>
 * The gauges read NaN while the CA is not open (a crypto suite it needs is missing). Every meter is
 * removed when this component stops.
 */
@Component(immediate = true)
public class CaMetrics {

    static final String OPERATION_DURATION = "trustchain.ca.operation.duration";
    static final String ACTIVE_CERTIFICATES = "trustchain.ca.certificates.active";
    static final String REVOCATIONS = "trustchain.ca.revocations";
    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    /** Service-level buckets of {@value #OPERATION_DURATION}: 1, 2, 5, 10, 20, 35, 50, 100, 200, 500, 1000 ms. */
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(35), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofMillis(1000)};

    private final MeterRegistry registry;
    private final MeasuredAuthority ca;
    /** Two timers per operation, in {@link CaOperation} order: success, then failure. */
    private final Timer[] timers = new Timer[CaOperation.values().length * 2];
    private final List<Meter> meters = new ArrayList<>();

    @Activate
    public CaMetrics(@Reference MeterRegistry registry,
            @Reference(target = "(component.name=network.internet2.trustchain.ca.internal.CaComponent)")
            CertificateAuthority ca) {
        this(registry, (MeasuredAuthority) ca);
    }

    CaMetrics(MeterRegistry registry, MeasuredAuthority ca) {
        this.registry = registry;
        this.ca = ca;
        for (CaOperation operation : CaOperation.values()) {
            timers[slot(operation, true)] = timer(operation, SUCCESS);
            timers[slot(operation, false)] = timer(operation, FAILURE);
        }
        meters.addAll(List.of(timers));
        meters.add(Gauge.builder(ACTIVE_CERTIFICATES, ca, authority -> orNaN(authority.activeCertificates()))
                .description("Certificates the CA issued that are neither expired nor revoked")
                .register(registry));
        meters.add(Gauge.builder(REVOCATIONS, ca, authority -> orNaN(authority.revocations()))
                .description("Certificates the CA revoked")
                .register(registry));
        ca.observe((operation, success, nanos) ->
                timers[slot(operation, success)].record(nanos, TimeUnit.NANOSECONDS));
    }

    @Deactivate
    void deactivate() {
        ca.observe(CaOperationObserver.NONE);
        meters.forEach(registry::remove);
    }

    private Timer timer(CaOperation operation, String outcome) {
        return Timer.builder(OPERATION_DURATION)
                .description("Time a CA operation took: issuance (with CT logging), renewal, revocation, "
                        + "or validation of a chain")
                .tag("operation", operation.tag())
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private static int slot(CaOperation operation, boolean success) {
        return operation.ordinal() * 2 + (success ? 0 : 1);
    }

    private static double orNaN(long figure) {
        return figure < 0 ? Double.NaN : figure;
    }
}
