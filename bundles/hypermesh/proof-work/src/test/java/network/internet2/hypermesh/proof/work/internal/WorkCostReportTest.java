package network.internet2.hypermesh.proof.work.internal;

import static org.junit.Assert.assertTrue;

import java.util.Arrays;

import org.junit.Test;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofException;

/**
 * Measures proving and verifying at the development default and at production
 * difficulties and prints the figures; asserts nothing about timing (the
 * machine decides those), only that every proof verified.
 */
public class WorkCostReportTest {

    @Test
    public void reportsProveAndVerifyCosts() throws ProofException {
        measure(16, 40);
        measure(20, 8);
        measure(22, 4);
        measure(24, 3);
    }

    private static void measure(int bits, int proofs) throws ProofException {
        WorkProofEngine engine = new WorkProofEngine(new WorkSettings(bits, bits, 1L << (bits + 6), 600_000));
        engine.prove(Challenges.challenge("warm-up " + bits));
        double[] proveMillis = new double[proofs];
        long attempts = 0;
        long verifyNanos = 0;
        int verifications = 0;
        for (int i = 0; i < proofs; i++) {
            Challenge challenge = Challenges.challenge("cost " + bits + " " + i);
            long started = System.nanoTime();
            Proof proof = engine.prove(challenge);
            proveMillis[i] = (System.nanoTime() - started) / 1e6;
            attempts += WorkProof.decode(proof.encoded()).counter() + 1;
            for (int v = 0; v < 1000; v++) {
                long before = System.nanoTime();
                boolean valid = engine.verify(challenge, proof).valid();
                verifyNanos += System.nanoTime() - before;
                verifications++;
                assertTrue(valid);
            }
        }
        double total = Arrays.stream(proveMillis).sum();
        double[] sorted = proveMillis.clone();
        Arrays.sort(sorted);
        System.out.printf("proof-work %2d bits: prove mean %.1f ms (median %.1f, max %.1f) over %d proofs, "
                + "%.2f M hashes/s; verify %.1f us%n", bits, total / proofs, sorted[proofs / 2],
                sorted[proofs - 1], proofs, attempts / total / 1000, verifyNanos / 1e3 / verifications);
    }
}
