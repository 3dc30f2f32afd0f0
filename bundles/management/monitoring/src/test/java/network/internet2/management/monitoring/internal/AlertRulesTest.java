package network.internet2.management.monitoring.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.Test;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

public class AlertRulesTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    public void nothingInstalledNothingFires() {
        for (Alert alert : AlertRules.evaluate(registry, AlertThresholds.SEED)) {
            assertFalse(alert.name(), alert.firing());
            assertNull(alert.value());
            assertTrue(alert.message(), alert.message().contains("not installed"));
        }
    }

    @Test
    public void idleLayersDoNotFire() {
        DistributionSummary.builder(AlertRules.STOQ_THROUGHPUT_METER).register(registry);
        Timer.builder(AlertRules.CONSENSUS_VALIDATION_METER).tag("proof_type", "all").register(registry);
        Timer.builder(AlertRules.CA_OPERATION_METER).tag("operation", "issue").register(registry);
        for (Alert alert : AlertRules.evaluate(registry, AlertThresholds.SEED)) {
            assertFalse(alert.name(), alert.firing());
            assertTrue(alert.message(), alert.message().startsWith("not measured: no"));
        }
    }

    @Test
    public void slowThroughputFiresUnderRatioOfTarget() {
        DistributionSummary throughput = DistributionSummary.builder(AlertRules.STOQ_THROUGHPUT_METER).register(registry);
        throughput.record(1.25);
        Alert alert = AlertRules.stoqThroughput(registry, AlertThresholds.SEED);
        assertTrue(alert.message(), alert.firing());
        assertEquals(1.25, alert.value(), 1e-9);
        assertEquals(32.0, alert.threshold(), 1e-9);
        Alert relaxed = AlertRules.stoqThroughput(registry, new AlertThresholds(1.5, 0.8, 100, 35));
        assertFalse(relaxed.message(), relaxed.firing()); // 1.25 ≥ 0.8 × 1.5 = 1.2
    }

    @Test
    public void slowValidationAndCertificateOperationsFireOverTheirLimits() {
        Timer.builder(AlertRules.CONSENSUS_VALIDATION_METER).tag("proof_type", "all").register(registry)
                .record(Duration.ofMillis(12));
        Timer.builder(AlertRules.CONSENSUS_VALIDATION_METER).tag("proof_type", "space").register(registry)
                .record(Duration.ofMillis(500)); // one engine alone is not the whole proof
        Timer.builder(AlertRules.CA_OPERATION_METER).tag("operation", "issue").register(registry).record(Duration.ofMillis(20));
        Timer.builder(AlertRules.CA_OPERATION_METER).tag("operation", "validate").register(registry).record(Duration.ofMillis(3));

        assertFalse(AlertRules.consensusValidation(registry, AlertThresholds.SEED).firing());
        assertFalse(AlertRules.certificateOperations(registry, AlertThresholds.SEED).firing());

        AlertThresholds low = new AlertThresholds(40, 0.8, 10, 5);
        Alert consensus = AlertRules.consensusValidation(registry, low);
        assertTrue(consensus.message(), consensus.firing());
        assertEquals(12.0, consensus.value(), 1e-6);
        Alert certificates = AlertRules.certificateOperations(registry, low);
        assertTrue(certificates.message(), certificates.firing());
        assertEquals(20.0, certificates.value(), 1e-6);
        assertTrue(certificates.message(), certificates.message().contains("(issue)"));
    }

    @Test
    public void badThresholdsAreRefusedWithTheirKey() {
        assertKey("stoq.target.throughput.gbps", () -> new AlertThresholds(0, 0.8, 100, 35));
        assertKey("stoq.throughput.alert.ratio", () -> new AlertThresholds(40, 1.5, 100, 35));
        assertKey("stoq.throughput.alert.ratio", () -> new AlertThresholds(40, Double.NaN, 100, 35));
        assertKey("consensus.validation.max.ms", () -> new AlertThresholds(40, 0.8, -1, 35));
        assertKey("certificate.operation.max.ms", () -> new AlertThresholds(40, 0.8, 100, Double.POSITIVE_INFINITY));
    }

    private static void assertKey(String key, Runnable construction) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(error.getMessage(), error.getMessage().startsWith(key + " "));
    }
}
