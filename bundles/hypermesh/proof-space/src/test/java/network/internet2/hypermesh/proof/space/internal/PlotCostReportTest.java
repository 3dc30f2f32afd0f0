package network.internet2.hypermesh.proof.space.internal;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.hypermesh.proof.space.PlotStatus.Phase;
import network.internet2.hypermesh.proof.space.PlotStatus.Snapshot;
import network.internet2.hypermesh.storage.internal.StorageFixture;

/**
 * Prints what the engine costs (nothing is asserted beyond the proofs
 * holding): plot build time and size, prove and verify times, proof size,
 * taking a plot back after a restart, and what regenerating blocks costs a
 * prover that does not keep the plot. The defaults run always; the
 * production setting runs with {@code -Dproof.space.production=true}.
 */
public class PlotCostReportTest {

    private static final String NODE = "node1.internet2.network";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void reportsCostsAtTheDefaults() throws Exception {
        report("defaults", 16384, 2048, 16, 4, 1);
    }

    @Test
    public void reportsCostsAtAProductionSetting() throws Exception {
        Assume.assumeTrue("run with -Dproof.space.production=true", Boolean.getBoolean("proof.space.production"));
        report("defaults, 2 threads", 16384, 2048, 16, 4, 2);
        report("production", 262144, 8192, 16, 6, 2);
    }

    private void report(String name, long blocks, int work, int challenges, int cacheFrom, int threads)
            throws Exception {
        Path root = folder.newFolder().toPath();
        PlotParameters parameters = new PlotParameters(NODE, blocks, work, challenges, cacheFrom, threads,
                Duration.ofHours(1), root.resolve("proof-space"));
        long storageBytes = parameters.allocationBytes() + (16L << 20);
        try (StorageFixture storage = new StorageFixture(root.resolve("storage"), storageBytes)) {
            FakeAssetRegistry registry = new FakeAssetRegistry(storage.adapter());
            long started = System.nanoTime();
            SpaceProofEngine engine = new SpaceProofEngine(parameters);
            engine.bindStorage(storage.access());
            engine.bindRegistry(registry);
            Snapshot ready = engine.await(Phase.READY, Duration.ofHours(2));
            double buildSeconds = (System.nanoTime() - started) / 1e9;
            assertEquals(ready.detail(), Phase.READY, ready.phase());

            double[] prove = new double[60];
            double[] verify = new double[60];
            int proofBytes = 0;
            for (int i = 0; i < prove.length; i++) {
                Challenge challenge = new Challenge(new byte[32], NODE, new byte[16],
                        ("operation " + i).getBytes(StandardCharsets.UTF_8));
                long t0 = System.nanoTime();
                Proof proof = engine.prove(challenge);
                long t1 = System.nanoTime();
                Verdict verdict = engine.verify(challenge, proof);
                long t2 = System.nanoTime();
                assertEquals(Verdict.ok(), verdict);
                prove[i] = (t1 - t0) / 1e6;
                verify[i] = (t2 - t1) / 1e6;
                proofBytes = proof.encoded().length;
            }
            engine.deactivate();

            long restarted = System.nanoTime();
            SpaceProofEngine again = new SpaceProofEngine(parameters);
            again.bindStorage(storage.access());
            again.bindRegistry(registry);
            Snapshot reused = again.await(Phase.READY, Duration.ofMinutes(10));
            double reuseMillis = (System.nanoTime() - restarted) / 1e6;
            assertEquals(ready.rootHex(), reused.rootHex());
            again.deactivate();

            PlotFunction.Generator generator = new PlotFunction(new byte[32], NODE, work).generator();
            byte[] block = new byte[PlotFunction.BLOCK_SIZE];
            for (int i = 0; i < 200; i++) {
                generator.block(i, block, 0);
            }
            int samples = 400;
            long g0 = System.nanoTime();
            for (int i = 0; i < samples; i++) {
                generator.block(i, block, 0);
            }
            double blockMicros = (System.nanoTime() - g0) / 1e3 / samples;

            long cachedBytes = 0;
            for (long size = MerkleTree.levelSize(blocks, cacheFrom); ; size = (size + 1) / 2) {
                cachedBytes += size * MerkleTree.HASH;
                if (size == 1) {
                    break;
                }
            }
            System.out.printf(Locale.ROOT, "%n== proof of space, %s: plot.blocks=%d plot.work.factor=%d challenges=%d "
                    + "merkle.cache.from.level=%d plot.threads=%d%n", name, blocks, work, challenges, cacheFrom,
                    threads);
            System.out.printf(Locale.ROOT, "plot: %.1f MiB of blocks + %.2f MiB of leaf hashes in storage, "
                    + "%.1f KiB of Merkle levels in memory%n", parameters.blockBytes() / 1048576.0,
                    blocks * 32 / 1048576.0, cachedBytes / 1024.0);
            System.out.printf(Locale.ROOT, "build (allocate, generate, write, flush, register): %.2f s "
                    + "(%.1f MiB/s)%n", buildSeconds, parameters.blockBytes() / 1048576.0 / buildSeconds);
            System.out.printf(Locale.ROOT, "restart (read leaf hashes back, check root, self-proof): %.0f ms%n",
                    reuseMillis);
            System.out.printf(Locale.ROOT, "prove: median %.2f ms, p90 %.2f ms; verify: median %.2f ms, p90 %.2f ms; "
                    + "proof %d bytes%n", median(prove), p90(prove), median(verify), p90(verify), proofBytes);
            System.out.printf(Locale.ROOT, "one block made again: %.0f us; a prover keeping only the Merkle levels "
                    + "from height h pays %d x 2^h blocks per proof: h=1 %.0f ms, h=4 %.0f ms, h=8 %.0f ms%n",
                    blockMicros, challenges, challenges * 2 * blockMicros / 1e3, challenges * 16 * blockMicros / 1e3,
                    challenges * 256 * blockMicros / 1e3);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double p90(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * 0.9)];
    }
}
