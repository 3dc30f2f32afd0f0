package network.internet2.hypermesh.benchmark.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The rounds of one case and their median (by operations per second), or why the case did not run.
 *
 * @param name        what was measured
 * @param callers     concurrent callers
 * @param bytesPerOp  bytes one operation moves (0 where bytes do not matter)
 * @param rounds      the measured rounds
 * @param failure     why the case failed or was skipped, or {@code null}
 */
record Figure(String name, int callers, long bytesPerOp, List<LoadRound.Result> rounds, String failure) {

    static final long MIB = 1024 * 1024;

    static Figure failed(String name, int callers, String failure) {
        return new Figure(name, callers, 0, List.of(), failure);
    }

    boolean ok() {
        return failure == null && !rounds.isEmpty();
    }

    LoadRound.Result median() {
        List<LoadRound.Result> sorted = rounds.stream()
                .sorted(Comparator.comparingDouble(LoadRound.Result::opsPerSecond)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    double opsPerSecond() {
        return ok() ? median().opsPerSecond() : Double.NaN;
    }

    double mibPerSecond() {
        return opsPerSecond() * bytesPerOp / MIB;
    }

    double p50() {
        return ok() ? median().percentileMillis(0.50) : Double.NaN;
    }

    double p99() {
        return ok() ? median().percentileMillis(0.99) : Double.NaN;
    }

    /** Throughput in the unit that suits the case: MiB/s from 1 MiB up, operations per second below. */
    String rate() {
        if (!ok()) {
            return "-";
        }
        return bytesPerOp >= MIB ? String.format(Locale.ROOT, "%.1f MiB/s", mibPerSecond())
                : String.format(Locale.ROOT, "%.0f op/s", opsPerSecond());
    }

    double rateValue() {
        return bytesPerOp >= MIB ? mibPerSecond() : opsPerSecond();
    }

    /** Milliseconds with the digits that matter: 3 decimals from 0.01 ms up, 3 significant digits below. */
    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        return ms >= 0.01 ? String.format(Locale.ROOT, "%.3f", ms) : String.format(Locale.ROOT, "%.3g", ms);
    }

    String describe() {
        if (!ok()) {
            return "FAILED: " + (failure == null ? "no round completed" : failure);
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%13s  p50 %9s ms  p99 %9s ms  (rounds:",
                rate(), millis(p50()), millis(p99())));
        for (LoadRound.Result round : rounds) {
            text.append(' ').append(bytesPerOp >= MIB
                    ? String.format(Locale.ROOT, "%.1f", round.opsPerSecond() * bytesPerOp / MIB)
                    : String.format(Locale.ROOT, "%.0f", round.opsPerSecond()));
            if (round.capped()) {
                text.append(String.format(Locale.ROOT, "[time limit after %d ops]", round.ops()));
            }
        }
        return text.append("; n=").append(median().ops()).append(')').toString();
    }
}
