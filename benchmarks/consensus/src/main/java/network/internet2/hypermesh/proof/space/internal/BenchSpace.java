package network.internet2.hypermesh.proof.space.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.space.PlotStatus.Phase;
import network.internet2.hypermesh.proof.space.PlotStatus.Snapshot;
import network.internet2.hypermesh.storage.StorageAccess;

/**
 * Benchmark access to the real proof-of-space engine outside OSGi (this class sits in the engine's package on the
 * benchmark's plain class path): constructed over checked parameters, then bound to the real storage asset and the
 * real registry as DS would; it plots on its own thread from then on.
 */
public final class BenchSpace {

    private BenchSpace() {
    }

    /**
     * Starts the engine; plotting begins on its thread.
     *
     * @param cacheFromLevel {@code merkle.cache.from.level}
     * @param threads        {@code plot.threads}
     */
    public static ProofEngine start(String identity, long blocks, int workFactor, int challenges, int cacheFromLevel,
            int threads, Path directory, StorageAccess storage, AssetRegistry registry) throws IOException {
        SpaceProofEngine engine = new SpaceProofEngine(new PlotParameters(identity, blocks, workFactor, challenges,
                cacheFromLevel, threads, Duration.ofHours(1), directory));
        engine.bindStorage(storage);
        engine.bindRegistry(registry);
        return engine;
    }

    /** @return the bytes of storage a plot of {@code blocks} takes (blocks and leaf hashes) */
    public static long allocationBytes(long blocks) {
        return new PlotParameters("node1.internet2.network", blocks, 1, 1, 16, 1, Duration.ofHours(1),
                Path.of(".")).allocationBytes();
    }

    /**
     * Waits until the plot is ready or plotting failed, at most {@code timeout}.
     *
     * @return the snapshot then
     */
    public static Snapshot awaitReadyOrFailed(ProofEngine engine, Duration timeout) throws InterruptedException {
        return ((SpaceProofEngine) engine).await(s -> s.phase() == Phase.READY || s.phase() == Phase.FAILED,
                timeout);
    }

    public static Snapshot snapshot(ProofEngine engine) {
        return ((SpaceProofEngine) engine).snapshot();
    }

    /** Stops plotting after its current batch and the engine's threads, as at the bundle's stop. */
    public static void stop(ProofEngine engine) {
        ((SpaceProofEngine) engine).deactivate();
    }
}
