package network.internet2.hypermesh.consensus.benchmark.internal;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in nanoseconds; percentiles by nearest rank, as the consensus core's own timings. */
final class Samples {

    private long[] nanos = new long[64];
    private int count;

    void add(long sample) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = sample;
    }

    int count() {
        return count;
    }

    /** @return the {@code quantile} in milliseconds, NaN without samples */
    double millis(double quantile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(quantile * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }

    double p50() {
        return millis(0.50);
    }

    double p99() {
        return millis(0.99);
    }

    double max() {
        return millis(1.0);
    }

    /** @return how many samples exceed {@code limitMillis} */
    int over(double limitMillis) {
        int over = 0;
        for (int i = 0; i < count; i++) {
            if (nanos[i] / 1e6 > limitMillis) {
                over++;
            }
        }
        return over;
    }

    /** Milliseconds with the digits that matter: 3 significant digits below 100 ms, whole ms above. */
    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%,.0f ms", millis);
        }
        if (millis >= 0.1) {
            return String.format(Locale.ROOT, "%.3g ms", millis);
        }
        return String.format(Locale.ROOT, "%.3g µs", millis * 1000);
    }

    /** A ratio as ×value with 3 significant digits (more for large ones). */
    static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        if (value >= 1000) {
            return String.format(Locale.ROOT, "×%,.0f", value);
        }
        return String.format(Locale.ROOT, "×%.3g", value);
    }
}
