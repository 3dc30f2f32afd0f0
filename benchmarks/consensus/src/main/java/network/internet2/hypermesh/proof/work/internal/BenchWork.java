package network.internet2.hypermesh.proof.work.internal;

import network.internet2.hypermesh.proof.ProofEngine;

/**
 * Benchmark access to the real proof-of-work engine outside OSGi (this class sits in the engine's package on the
 * benchmark's plain class path): the settings {@code WorkSettings.from} makes of a configuration with
 * {@code difficulty.bits} set and the other keys at their defaults.
 */
public final class BenchWork {

    private BenchWork() {
    }

    /** @return the engine proving and accepting {@code bits} leading zero bits */
    public static ProofEngine start(int bits) {
        return new WorkProofEngine(new WorkSettings(bits, bits, 1L << (bits + WorkSettings.AUTOMATIC_ATTEMPTS_FACTOR_BITS),
                30_000));
    }

    /** Makes proofs under way give up, as at the bundle's stop. */
    public static void stop(ProofEngine engine) {
        ((WorkProofEngine) engine).deactivate();
    }
}
