package network.internet2.hypermesh.proof.time.internal;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.trustchain.crypto.classical.internal.ClassicalCryptoSuite;

/**
 * Measures proving and verifying at the development default (2^16 squarings)
 * and at the production recommendation (2^20) and prints the figures; asserts
 * nothing about timing (the machine decides those), only that every proof
 * verified.
 */
public class TimeCostReportTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void reportsProveAndVerifyCosts() throws Exception {
        measure(1 << 16, 5);
        measure(1 << 20, 2);
    }

    private void measure(int iterations, int proofs) throws IOException, ProofException {
        Path directory = folder.newFolder("T" + iterations).toPath();
        TimeProofEngine engine = new TimeProofEngine(new TimeSettings(iterations, iterations, 64, 600_000,
                directory, 1), new ClassicalCryptoSuite(), java.time.Clock.systemUTC(), Rsa2048.MODULUS);
        engine.prove(challenge("warm-up " + iterations));
        double[] prove = new double[proofs];
        double[] verify = new double[proofs * 50];
        for (int i = 0; i < proofs; i++) {
            Challenge challenge = challenge("cost " + iterations + " " + i);
            long started = System.nanoTime();
            Proof proof = engine.prove(challenge);
            prove[i] = (System.nanoTime() - started) / 1e6;
            for (int v = 0; v < 50; v++) {
                long before = System.nanoTime();
                boolean valid = engine.verify(challenge, proof).valid();
                verify[i * 50 + v] = (System.nanoTime() - before) / 1e6;
                assertTrue(valid);
            }
        }
        Arrays.sort(prove);
        Arrays.sort(verify);
        System.out.printf("proof-time T=%d: prove min %.0f ms, median %.0f ms (%d proofs, %s); verify min %.2f ms, "
                + "median %.2f ms, p90 %.2f ms (%d verifications); %d bytes%n", iterations, prove[0],
                prove[proofs / 2], proofs, SquaringSchedule.forIterations(iterations), verify[0],
                verify[verify.length / 2], verify[verify.length * 9 / 10], verify.length,
                engine.prove(challenge("size")).encoded().length);
    }

    private static Challenge challenge(String seed) {
        byte[] value = Hashing.sha256().digest(seed.getBytes(StandardCharsets.UTF_8));
        return new Challenge(value, "node-a.internet2.network", value, value);
    }
}
