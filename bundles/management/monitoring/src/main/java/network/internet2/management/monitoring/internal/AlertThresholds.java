package network.internet2.management.monitoring.internal;

/**
 * The thresholds alerts are evaluated against (the seed's targets by default), validated: a bad value is refused
 * with its configuration key named.
 */
record AlertThresholds(double stoqTargetGbps, double stoqThroughputRatio, double consensusValidationMaxMs,
        double certificateOperationMaxMs) {

    static final AlertThresholds SEED = new AlertThresholds(40.0, 0.8, 100, 35);

    AlertThresholds {
        positive(stoqTargetGbps, "stoq.target.throughput.gbps");
        positive(stoqThroughputRatio, "stoq.throughput.alert.ratio");
        if (stoqThroughputRatio > 1) {
            throw new IllegalArgumentException("stoq.throughput.alert.ratio must be at most 1 (a fraction of the target), was "
                    + stoqThroughputRatio);
        }
        positive(consensusValidationMaxMs, "consensus.validation.max.ms");
        positive(certificateOperationMaxMs, "certificate.operation.max.ms");
    }

    /** Throughput under which the STOQ alert fires, in Gbit/s. */
    double stoqFloorGbps() {
        return stoqTargetGbps * stoqThroughputRatio;
    }

    private static void positive(double value, String key) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a positive number, was " + value);
        }
    }
}
