package network.internet2.hypermesh.proof.cli.internal;

import java.util.Locale;

import network.internet2.hypermesh.proof.ConsensusStatus;

/** Renders latencies for the tables. */
final class Timing {

    private Timing() {
    }

    static String of(ConsensusStatus.Timing timing) {
        if (timing == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms (%d)", timing.p50Millis(), timing.p99Millis(),
                timing.count());
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
