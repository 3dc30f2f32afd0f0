package network.internet2.management.monitoring.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The seed's three alerts, evaluated from the meters the layers record. Window figures are Micrometer's decaying
 * maxima (the last two minutes or so), so an alert stops firing once its cause has passed.
 *
 * <ul>
 * <li>{@value #STOQ_THROUGHPUT}: the fastest STOQ stream of ≥ 1 MiB in the window
 * ({@code stoq.stream.throughput.gbps}) is under ratio × target.</li>
 * <li>{@value #CONSENSUS_VALIDATION}: the slowest validation of a whole consensus proof in the window
 * ({@code hypermesh.consensus.validation.duration{proof_type=all}}) is over its maximum.</li>
 * <li>{@value #CERTIFICATE_OPERATIONS}: the slowest certificate operation of the CA in the window
 * ({@code trustchain.ca.operation.duration}, any operation) is over its maximum.</li>
 * </ul>
 * With nothing measured (the layer is absent, or idle in the window) an alert does not fire and says so.
 */
final class AlertRules {

    static final String STOQ_THROUGHPUT = "stoq-throughput";
    static final String CONSENSUS_VALIDATION = "consensus-validation";
    static final String CERTIFICATE_OPERATIONS = "certificate-operations";

    static final String STOQ_THROUGHPUT_METER = "stoq.stream.throughput.gbps";
    static final String CONSENSUS_VALIDATION_METER = "hypermesh.consensus.validation.duration";
    static final String CA_OPERATION_METER = "trustchain.ca.operation.duration";

    private AlertRules() {
    }

    static List<Alert> evaluate(MeterRegistry registry, AlertThresholds thresholds) {
        return List.of(stoqThroughput(registry, thresholds), consensusValidation(registry, thresholds),
                certificateOperations(registry, thresholds));
    }

    static Alert stoqThroughput(MeterRegistry registry, AlertThresholds thresholds) {
        double floor = thresholds.stoqFloorGbps();
        Collection<DistributionSummary> summaries = registry.find(STOQ_THROUGHPUT_METER).summaries();
        if (summaries.isEmpty()) {
            return new Alert(STOQ_THROUGHPUT, false, null, floor, "Gbit/s", "not measured: the STOQ transport is not installed");
        }
        double best = summaries.stream().mapToDouble(DistributionSummary::max).max().orElse(0);
        if (best <= 0) {
            return new Alert(STOQ_THROUGHPUT, false, null, floor, "Gbit/s",
                    "not measured: no STOQ stream of 1 MiB or more in the last minutes (stoq:bench measures one)");
        }
        boolean firing = best < floor;
        return new Alert(STOQ_THROUGHPUT, firing, best, floor, "Gbit/s", String.format(Locale.ROOT,
                "fastest recent bulk stream %.3f Gbit/s is %s %.0f %% of the %.3f Gbit/s target (%.3f Gbit/s)", best,
                firing ? "under" : "at or above", thresholds.stoqThroughputRatio() * 100, thresholds.stoqTargetGbps(), floor));
    }

    static Alert consensusValidation(MeterRegistry registry, AlertThresholds thresholds) {
        double limit = thresholds.consensusValidationMaxMs();
        Collection<Timer> timers = registry.find(CONSENSUS_VALIDATION_METER).tag("proof_type", "all").timers();
        if (timers.isEmpty()) {
            return new Alert(CONSENSUS_VALIDATION, false, null, limit, "ms", "not measured: consensus is not installed");
        }
        double slowest = timers.stream().mapToDouble(timer -> timer.max(TimeUnit.MILLISECONDS)).max().orElse(0);
        return slowestAgainst(CONSENSUS_VALIDATION, "consensus validation", slowest, limit);
    }

    static Alert certificateOperations(MeterRegistry registry, AlertThresholds thresholds) {
        double limit = thresholds.certificateOperationMaxMs();
        Collection<Timer> timers = registry.find(CA_OPERATION_METER).timers();
        if (timers.isEmpty()) {
            return new Alert(CERTIFICATE_OPERATIONS, false, null, limit, "ms", "not measured: the CA is not installed");
        }
        Timer slowestTimer = null;
        double slowest = 0;
        for (Timer timer : timers) {
            double max = timer.max(TimeUnit.MILLISECONDS);
            if (max > slowest) {
                slowest = max;
                slowestTimer = timer;
            }
        }
        String what = slowestTimer == null || slowestTimer.getId().getTag("operation") == null ? "certificate operation"
                : "certificate operation (" + slowestTimer.getId().getTag("operation") + ")";
        return slowestAgainst(CERTIFICATE_OPERATIONS, what, slowest, limit);
    }

    private static Alert slowestAgainst(String name, String what, double slowest, double limit) {
        if (slowest <= 0) {
            return new Alert(name, false, null, limit, "ms", "not measured: no " + what + " in the last minutes");
        }
        boolean firing = slowest > limit;
        return new Alert(name, firing, slowest, limit, "ms", String.format(Locale.ROOT,
                "slowest recent %s took %.3f ms, %s the %.3f ms limit", what, slowest, firing ? "over" : "within", limit));
    }
}
