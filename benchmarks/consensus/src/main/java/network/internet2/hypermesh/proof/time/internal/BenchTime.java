package network.internet2.hypermesh.proof.time.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * Benchmark access to the real proof-of-time engine outside OSGi (this class sits in the engine's package on the
 * benchmark's plain class path): the Wesolowski VDF over the engine's RSA-2048 modulus, its time key from the real
 * classical suite, its chains in {@code directory}; the other settings at the configuration's defaults.
 */
public final class BenchTime {

    private BenchTime() {
    }

    /** @return the engine making and requiring {@code iterations} squarings per proof */
    public static ProofEngine start(int iterations, Path directory, CryptoSuite classical) throws IOException {
        return new TimeProofEngine(new TimeSettings(iterations, iterations, 64, 30_000, directory, 16), classical,
                Clock.systemUTC(), Rsa2048.MODULUS);
    }

    /** Makes proofs under way give up, as at the bundle's stop. */
    public static void stop(ProofEngine engine) {
        ((TimeProofEngine) engine).deactivate();
    }
}
