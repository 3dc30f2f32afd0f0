package network.internet2.trustchain.dns.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import network.internet2.trustchain.dns.DnsAdministration;

/**
 * The DNS server's meters in the node's registry:
 * <ul>
 * <li>{@value #QUERY_DURATION}: a timer of every answered query (FORMERR answers to malformed ones included),
 * tagged {@code type} (the question's type for a known set, else {@code other}), {@code rcode} (the common
 * response codes, else {@code other}) and {@code transport} ({@code udp} or {@code tcp}), with service-level
 * buckets from 0.1 to 50 ms;</li>
 * <li>{@value #QUERIES_DROPPED}: packets dropped unanswered, read from the server's own counters.</li>
 * </ul>
 * A timer is registered the first time its combination of tags is seen; every meter is removed when this
 * component stops (registry gone, or the DNS bundle stopped).
 */
@Component(immediate = true)
public class DnsMetrics {

    static final String QUERY_DURATION = "trustchain.dns.query.duration";
    static final String QUERIES_DROPPED = "trustchain.dns.queries.dropped";
    static final String OTHER = "other";

    /** Service-level buckets of {@value #QUERY_DURATION}: 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50 ms. */
    static final Duration[] BUCKETS = {Duration.ofNanos(100_000), Duration.ofNanos(250_000),
        Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50)};

    /** Query types tagged by their mnemonic, sorted by code; any other type is tagged {@value #OTHER}. */
    private static final int[] TYPES = Arrays.stream(new int[] {Type.A, Type.AAAA, Type.NS, Type.SOA, Type.TXT,
        Type.CNAME, Type.PTR, Type.MX, Type.SRV, Type.DNSKEY, Type.DS, Type.RRSIG, Type.NSEC, Type.ANY, Type.CAA,
        Type.HTTPS}).sorted().toArray();
    /** Response codes tagged by name: NOERROR (0) to REFUSED (5); any other is tagged {@value #OTHER}. */
    private static final int KNOWN_RCODES = Rcode.REFUSED + 1;
    private static final int TYPE_SLOTS = TYPES.length + 1;
    private static final int RCODE_SLOTS = KNOWN_RCODES + 1;

    private final MeterRegistry registry;
    private final DnsCounters counters;
    private final FunctionCounter dropped;
    /** One timer per (type, rcode, transport) slot, registered on first use. */
    private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(TYPE_SLOTS * RCODE_SLOTS * 2);
    private boolean closed;

    @Activate
    public DnsMetrics(@Reference MeterRegistry registry,
            @Reference(target = "(component.name=network.internet2.trustchain.dns.internal.DnsServerComponent)")
            DnsAdministration dns) {
        this(registry, ((DnsServerComponent) dns).counters());
    }

    DnsMetrics(MeterRegistry registry, DnsCounters counters) {
        this.registry = registry;
        this.counters = counters;
        this.dropped = FunctionCounter.builder(QUERIES_DROPPED, counters, DnsCounters::droppedCount)
                .description("DNS packets dropped unanswered: unreadable, responses, from IPv4 peers, "
                        + "or TCP connections over the limit")
                .register(registry);
        counters.observe(this::answered);
    }

    @Deactivate
    synchronized void deactivate() {
        counters.observe(QueryObserver.NONE);
        closed = true;
        registry.remove(dropped);
        for (int slot = 0; slot < timers.length(); slot++) {
            Timer timer = timers.getAndSet(slot, null);
            if (timer != null) {
                registry.remove(timer);
            }
        }
    }

    private void answered(int type, int rcode, boolean tcp, long nanos) {
        int typeSlot = typeSlot(type);
        int rcodeSlot = rcode >= 0 && rcode < KNOWN_RCODES ? rcode : KNOWN_RCODES;
        int slot = (typeSlot * RCODE_SLOTS + rcodeSlot) * 2 + (tcp ? 1 : 0);
        Timer timer = timers.get(slot);
        if (timer == null) {
            timer = register(slot, typeSlot, rcodeSlot, tcp);
            if (timer == null) {
                return;
            }
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Registers a slot's timer, unless this component has stopped (a query answered while it stopped). */
    private synchronized Timer register(int slot, int typeSlot, int rcodeSlot, boolean tcp) {
        if (closed) {
            return null;
        }
        Timer timer = timers.get(slot);
        if (timer == null) {
            timer = Timer.builder(QUERY_DURATION)
                    .description("Time the DNS server took to answer a query, from its bytes to the answer's")
                    .tag("type", typeSlot < TYPES.length ? Type.string(TYPES[typeSlot]) : OTHER)
                    .tag("rcode", rcodeSlot < KNOWN_RCODES ? Rcode.string(rcodeSlot) : OTHER)
                    .tag("transport", tcp ? "tcp" : "udp")
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
            timers.set(slot, timer);
        }
        return timer;
    }

    /** @return the type's index in {@link #TYPES}, or {@code TYPES.length} for any other (or none, -1) */
    private static int typeSlot(int type) {
        int index = Arrays.binarySearch(TYPES, type);
        return index >= 0 ? index : TYPES.length;
    }
}
