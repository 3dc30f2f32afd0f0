package network.internet2.trustchain.ct.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Proof latency in a stored tree of {@code size} entries (default 10^6, filled
 * once per trial in batches of 1024 synthetic leaves): an inclusion proof of a
 * random leaf in the whole tree, a consistency proof from a random earlier size,
 * a leaf found by its hash, and the root. Baseline in the same run: the root
 * recomputed by hashing every leaf hash up the tree, what a log without stored
 * subtree hashes would pay.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProofBenchmark {

    @Param("1000000")
    public int size;

    private Path directory;
    private TreeStorage storage;
    private byte[][] leafHashes;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup(Level.Trial)
    public void fill() throws IOException {
        directory = Files.createTempDirectory("ct-proof-benchmark");
        storage = TreeStorage.open(directory);
        leafHashes = new byte[size][];
        List<TreeStorage.Entry> batch = new ArrayList<>(1024);
        for (int i = 0; i < size; i++) {
            byte[] leaf = ByteBuffer.allocate(48).putLong(i).putLong(i * 31L).array();
            leafHashes[i] = MerkleHashes.leaf(leaf);
            batch.add(new TreeStorage.Entry(leaf, new byte[16]));
            if (batch.size() == 1024 || i == size - 1) {
                storage.append(batch);
                batch.clear();
            }
        }
        System.out.println("tree filled: " + storage.size() + " entries");
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        storage.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public List<byte[]> inclusionProof() throws IOException {
        return storage.inclusionPath(random.nextInt(size), size);
    }

    @Benchmark
    public List<byte[]> consistencyProof() throws IOException {
        return storage.consistencyPath(1 + random.nextInt(size - 1), size);
    }

    @Benchmark
    public long leafByHash() {
        return storage.indexOf(leafHashes[random.nextInt(size)], size);
    }

    @Benchmark
    public byte[] rootHash() throws IOException {
        return storage.rootHash(size - random.nextInt(1000));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] baselineRehashWholeTree() {
        byte[][] level = leafHashes.clone();
        int count = level.length;
        while (count > 1) {
            int next = 0;
            for (int i = 0; i + 1 < count; i += 2) {
                level[next++] = MerkleHashes.node(level[i], level[i + 1]);
            }
            if ((count & 1) == 1) {
                level[next++] = level[count - 1];
            }
            count = next;
        }
        return level[0];
    }
}
