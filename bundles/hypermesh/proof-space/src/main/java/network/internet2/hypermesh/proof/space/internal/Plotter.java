package network.internet2.hypermesh.proof.space.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.storage.StorageAccess;

/**
 * Writes a plot into its storage allocation: generates the blocks in batches
 * (spread over the worker threads), writes each batch and its leaf hashes,
 * folds the leaf hashes into level {@code c} of the Merkle tree group by group,
 * and at every checkpoint flushes the allocation and records how far it got,
 * so an interrupted plot resumes from its last checkpoint.
 */
final class Plotter {

    /** Blocks generated and written at once (4 MiB). */
    static final int BATCH_BLOCKS = 1024;
    /** Blocks between checkpoints (64 MiB). */
    static final long CHECKPOINT_BLOCKS = 16L * BATCH_BLOCKS;

    private static final int HASH = MerkleTree.HASH;
    private static final int BLOCK = PlotFunction.BLOCK_SIZE;

    /** Told how far plotting got. */
    interface Progress {
        /** Blocks {@code [0, built)} are written but maybe not flushed. */
        void written(long built);

        /** Blocks {@code [0, built)} are flushed to stable storage; record it. */
        void checkpoint(long built) throws IOException;
    }

    private final PlotParameters parameters;
    private final PlotFunction function;
    private final byte[] plotKey;
    private final StorageAccess storage;
    private final String allocationId;
    private final ExecutorService workers;
    private final BooleanSupplier stopped;
    private final int batchBlocks;
    private final long checkpointBlocks;

    Plotter(PlotParameters parameters, byte[] plotKey, StorageAccess storage, String allocationId,
            ExecutorService workers, BooleanSupplier stopped) {
        this(parameters, plotKey, storage, allocationId, workers, stopped, BATCH_BLOCKS, CHECKPOINT_BLOCKS);
    }

    /** With the batch and checkpoint sizes given, for tests. */
    Plotter(PlotParameters parameters, byte[] plotKey, StorageAccess storage, String allocationId,
            ExecutorService workers, BooleanSupplier stopped, int batchBlocks, long checkpointBlocks) {
        this.parameters = parameters;
        this.plotKey = plotKey.clone();
        this.function = new PlotFunction(plotKey, parameters.identity(), parameters.workFactor());
        this.storage = storage;
        this.allocationId = allocationId;
        this.workers = workers;
        this.stopped = stopped;
        this.batchBlocks = batchBlocks;
        this.checkpointBlocks = checkpointBlocks;
    }

    /**
     * Plots from block {@code from} (rounded down to a group of {@code 2^c}
     * blocks; the blocks before are taken as written) to the end.
     *
     * @return the complete plot
     * @throws AssetException if the storage allocation cannot be written
     * @throws IOException if a checkpoint cannot be recorded
     * @throws CancellationException if {@code stopped} turned true
     */
    Plot build(long from, Progress progress) throws AssetException, IOException, InterruptedException {
        long n = parameters.blockCount();
        int c = parameters.cacheFromLevel();
        long groupBlocks = 1L << c;
        long start = Math.min(from, n) >> c << c;
        byte[] groupRoots = start > 0 ? Plot.groupRoots(storage, parameters, allocationId, start)
                : new byte[Math.toIntExact(MerkleTree.levelSize(n, c) * HASH)];
        MessageDigest digest = MerkleTree.sha256();
        byte[] group = new byte[Math.toIntExact(groupBlocks * HASH)];
        int groupFill = 0;
        long sinceCheckpoint = 0;
        progress.written(start);
        for (long first = start; first < n; ) {
            if (stopped.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("plotting stopped at block " + first + " of " + n);
            }
            int count = (int) Math.min(batchBlocks, n - first);
            byte[] blocks = new byte[count * BLOCK];
            byte[] leaves = new byte[count * HASH];
            generate(first, count, blocks, leaves);
            storage.write(allocationId, first * BLOCK, blocks);
            storage.write(allocationId, parameters.blockBytes() + first * HASH, leaves);
            for (int i = 0; i < count; i++) {
                System.arraycopy(leaves, i * HASH, group, groupFill * HASH, HASH);
                groupFill++;
                long leaf = first + i;
                long groupStart = leaf >> c << c;
                int groupSize = (int) Math.min(groupBlocks, n - groupStart);
                if (groupFill == groupSize) {
                    byte[] root = MerkleTree.root(digest, group, groupSize);
                    System.arraycopy(root, 0, groupRoots, Math.toIntExact((leaf >> c) * HASH), HASH);
                    groupFill = 0;
                }
            }
            first += count;
            sinceCheckpoint += count;
            progress.written(first);
            if (sinceCheckpoint >= checkpointBlocks || first == n) {
                storage.flush(allocationId);
                progress.checkpoint(first);
                sinceCheckpoint = 0;
            }
        }
        return new Plot(parameters, allocationId, plotKey, groupRoots);
    }

    private void generate(long first, int count, byte[] blocks, byte[] leaves) throws InterruptedException {
        int threads = Math.min(parameters.threads(), count);
        if (threads <= 1) {
            slice(first, 0, count, blocks, leaves);
            return;
        }
        List<Callable<Void>> slices = new ArrayList<>(threads);
        int per = (count + threads - 1) / threads;
        for (int from = 0; from < count; from += per) {
            int sliceFrom = from;
            int sliceTo = Math.min(count, from + per);
            slices.add(() -> {
                slice(first, sliceFrom, sliceTo, blocks, leaves);
                return null;
            });
        }
        for (Future<Void> done : workers.invokeAll(slices)) {
            try {
                done.get();
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("generating blocks failed: " + cause, cause);
            }
        }
    }

    private void slice(long first, int from, int to, byte[] blocks, byte[] leaves) {
        PlotFunction.Generator generator = function.generator();
        MessageDigest digest = MerkleTree.sha256();
        for (int i = from; i < to; i++) {
            generator.block(first + i, blocks, i * BLOCK);
            MerkleTree.leafHash(digest, blocks, i * BLOCK, BLOCK, leaves, i * HASH);
        }
    }
}
