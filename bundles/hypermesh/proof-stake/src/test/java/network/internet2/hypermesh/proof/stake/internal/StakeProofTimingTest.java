package network.internet2.hypermesh.proof.stake.internal;

import static network.internet2.hypermesh.proof.stake.internal.StakeFixture.NODE1;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.trustchain.crypto.Algorithms;

/**
 * Measures prove and verify with each staking key algorithm and prints the
 * figures; nothing is asserted about them (one noisy machine).
 */
public class StakeProofTimingTest {

    private static final int WARM_UP = 100;
    private static final int RUNS = 300;

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void measuresProveAndVerify() throws Exception {
        for (String algorithm : new String[] {Algorithms.ECDSA_P256, Algorithms.FALCON_1024, Algorithms.ML_DSA_87}) {
            measure(algorithm, false);
            measure(algorithm, true);
        }
    }

    private void measure(String algorithm, boolean restarted) throws Exception {
        java.nio.file.Path folder = temporary.newFolder().toPath();
        StakeProofComponent engine = StakeFixture.start(folder, algorithm, 1000, 100);
        try {
            engine.deposit(NODE1, 5000);
            if (restarted) { // the key is then read from its PKCS#8 file rather than kept from generation
                engine.deactivate();
                engine = StakeFixture.start(folder, algorithm, 1000, 100);
            }
            long[] prove = new long[RUNS];
            long[] verify = new long[RUNS];
            int size = 0;
            for (int i = -WARM_UP; i < RUNS; i++) {
                Challenge challenge = StakeFixture.challenge(NODE1, "op " + i);
                long start = System.nanoTime();
                Proof proof = engine.prove(challenge);
                long proved = System.nanoTime();
                boolean valid = engine.verify(challenge, proof).valid();
                long verified = System.nanoTime();
                assertTrue(valid);
                if (i >= 0) {
                    prove[i] = proved - start;
                    verify[i] = verified - proved;
                    size = proof.encoded().length;
                }
            }
            System.out.printf("stake proof %-18s key %-14s proof %4d bytes | prove p50 %7.3f ms p99 %7.3f ms | "
                    + "verify p50 %7.3f ms p99 %7.3f ms%n", algorithm, restarted ? "from file" : "as generated", size,
                    percentile(prove, 50), percentile(prove, 99), percentile(verify, 50), percentile(verify, 99));
        } finally {
            engine.deactivate();
        }
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
    }
}
