package network.internet2.stoq.transport.internal;

import java.util.Arrays;

/** Sorted latency samples in nanoseconds, with nearest-rank percentiles. */
record Latencies(long[] sorted) {

    static Latencies of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    int count() {
        return sorted.length;
    }

    /** @param fraction 0 to 1, e.g. 0.99 */
    double percentileMillis(double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double medianMillis() {
        return percentileMillis(0.5);
    }

    /** @return operations per second done one after the other: 1 / mean latency */
    double perSecond() {
        long sum = 0;
        for (long nanos : sorted) {
            sum += nanos;
        }
        return sum == 0 ? Double.NaN : sorted.length * 1e9 / sum;
    }
}
