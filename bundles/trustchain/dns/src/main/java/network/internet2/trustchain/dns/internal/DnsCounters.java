package network.internet2.trustchain.dns.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

import network.internet2.trustchain.dns.DnsStatistics;

/** Counts what the server does; cheap enough to update on every query from every event loop. */
final class DnsCounters {

    private final LongAdder answered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder truncated = new LongAdder();
    private final LongAdder tcp = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final AtomicLong maxLatencyNanos = new AtomicLong();
    private final Map<Integer, LongAdder> byType = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> byRcode = new ConcurrentHashMap<>();
    private volatile QueryObserver observer = QueryObserver.NONE;

    /** Sets who else hears of every answered query ({@link QueryObserver#NONE} to stop). */
    void observe(QueryObserver next) {
        observer = next == null ? QueryObserver.NONE : next;
    }

    void dropped() {
        dropped.increment();
    }

    void tcpQuery() {
        tcp.increment();
    }

    /** @return packets dropped unanswered so far (unreadable, responses, IPv4 peers, refused connections) */
    long droppedCount() {
        return dropped.sum();
    }

    /** @param type the question's type, or -1 when the query had no readable question */
    void answered(int type, int rcode, boolean wasTruncated, boolean overTcp, long nanos) {
        answered.increment();
        if (type >= 0) {
            byType.computeIfAbsent(type, key -> new LongAdder()).increment();
        }
        byRcode.computeIfAbsent(rcode, key -> new LongAdder()).increment();
        if (wasTruncated) {
            truncated.increment();
        }
        latencyNanos.add(nanos);
        maxLatencyNanos.accumulateAndGet(nanos, Math::max);
        observer.answered(type, rcode, overTcp, nanos);
    }

    DnsStatistics snapshot() {
        long queries = answered.sum();
        Map<String, Long> types = new TreeMap<>();
        byType.forEach((type, count) -> types.put(Type.string(type), count.sum()));
        Map<String, Long> rcodes = new TreeMap<>();
        byRcode.forEach((rcode, count) -> rcodes.put(Rcode.string(rcode), count.sum()));
        return new DnsStatistics(queries, dropped.sum(), types, rcodes, truncated.sum(), tcp.sum(),
                queries == 0 ? 0 : latencyNanos.sum() / 1000.0 / queries, maxLatencyNanos.get() / 1000);
    }
}
