package network.internet2.hypermesh.consensus.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import network.internet2.hypermesh.proof.ConsensusStatus.Timing;

/**
 * Latencies by name, each over its last {@value #WINDOW} samples (a ring),
 * summarised as p50 / p99 / max for the status and the figures.
 */
final class Timings {

    static final int WINDOW = 1024;

    private static final class Ring {
        final long[] nanos = new long[WINDOW];
        long count;
    }

    private final Map<String, Ring> rings = new TreeMap<>();

    synchronized void record(String name, long nanos) {
        Ring ring = rings.computeIfAbsent(name, key -> new Ring());
        ring.nanos[(int) (ring.count % WINDOW)] = nanos;
        ring.count++;
    }

    synchronized Map<String, Timing> summary() {
        Map<String, Timing> summary = new TreeMap<>();
        rings.forEach((name, ring) -> {
            long[] recent = Arrays.copyOf(ring.nanos, (int) Math.min(ring.count, WINDOW));
            Arrays.sort(recent);
            summary.put(name, new Timing(ring.count, millis(recent, 0.50), millis(recent, 0.99),
                    recent[recent.length - 1] / 1e6));
        });
        return summary;
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
