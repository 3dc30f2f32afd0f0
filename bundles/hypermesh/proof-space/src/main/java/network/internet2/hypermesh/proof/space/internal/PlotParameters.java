package network.internet2.hypermesh.proof.space.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The engine's settings, checked: every constructor failure is an
 * {@link IllegalArgumentException} naming the configuration key.
 *
 * @param identity       {@code node.identity}: the identity this node proves as
 * @param blockCount     {@code plot.blocks}: blocks of {@value PlotFunction#BLOCK_SIZE} bytes in the plot
 * @param workFactor     {@code plot.work.factor}: chained hashes per block
 * @param challenges     {@code challenges}: blocks a proof answers
 * @param cacheFromLevel {@code merkle.cache.from.level}: Merkle levels from this height up are kept in memory
 * @param threads        {@code plot.threads}: threads generating blocks
 * @param lease          {@code storage.lease.seconds}: lease of the storage allocation, renewed at a third
 * @param directory      {@code storage.directory}: the folder of the seed, state and root registry
 */
record PlotParameters(String identity, long blockCount, int workFactor, int challenges, int cacheFromLevel,
        int threads, Duration lease, Path directory) {

    static final long MAX_BLOCKS = 1L << 32;
    static final int MAX_WORK_FACTOR = 1 << 24;
    static final int MAX_CHALLENGES = 1024;
    static final int MAX_CACHE_FROM_LEVEL = 16;
    /** The most hashes one cached Merkle level may have (the cached levels take twice that, 32 bytes each). */
    static final long MAX_CACHED_LEVEL = 1L << 22;
    static final int MAX_THREADS = 64;
    static final long MIN_LEASE_SECONDS = 60;
    static final long MAX_LEASE_SECONDS = 365L * 24 * 3600;

    PlotParameters {
        if (identity == null || !Commitment.IDENTITY.matcher(identity).matches()) {
            throw new IllegalArgumentException("node.identity must be 1 to 255 printable ASCII characters without "
                    + "spaces (the node's certificate identity, e.g. node1.internet2.network), not '" + identity
                    + "'");
        }
        if (blockCount < 1 || blockCount > MAX_BLOCKS) {
            throw new IllegalArgumentException("plot.blocks must be between 1 and " + MAX_BLOCKS + ", not "
                    + blockCount);
        }
        if (workFactor < 1 || workFactor > MAX_WORK_FACTOR) {
            throw new IllegalArgumentException("plot.work.factor must be between 1 and " + MAX_WORK_FACTOR
                    + ", not " + workFactor);
        }
        if (challenges < 1 || challenges > MAX_CHALLENGES) {
            throw new IllegalArgumentException("challenges must be between 1 and " + MAX_CHALLENGES + ", not "
                    + challenges);
        }
        if (cacheFromLevel < 0 || cacheFromLevel > MAX_CACHE_FROM_LEVEL) {
            throw new IllegalArgumentException("merkle.cache.from.level must be between 0 and "
                    + MAX_CACHE_FROM_LEVEL + ", not " + cacheFromLevel);
        }
        if (MerkleTree.levelSize(blockCount, cacheFromLevel) > MAX_CACHED_LEVEL) {
            int least = cacheFromLevel;
            while (MerkleTree.levelSize(blockCount, least) > MAX_CACHED_LEVEL) {
                least++;
            }
            throw new IllegalArgumentException("merkle.cache.from.level " + cacheFromLevel + " keeps "
                    + MerkleTree.levelSize(blockCount, cacheFromLevel) + " hashes per level in memory for "
                    + blockCount + " plot.blocks; at most " + MAX_CACHED_LEVEL + " are allowed: set it to at least "
                    + least);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("plot.threads must be between 1 and " + MAX_THREADS + ", not "
                    + threads);
        }
        if (lease == null || lease.toSeconds() < MIN_LEASE_SECONDS || lease.toSeconds() > MAX_LEASE_SECONDS) {
            throw new IllegalArgumentException("storage.lease.seconds must be between " + MIN_LEASE_SECONDS + " and "
                    + MAX_LEASE_SECONDS + ", not " + (lease == null ? null : lease.toSeconds()));
        }
        if (directory == null) {
            throw new IllegalArgumentException("storage.directory must not be empty");
        }
    }

    /** @return the bytes of the blocks */
    long blockBytes() {
        return blockCount * PlotFunction.BLOCK_SIZE;
    }

    /** @return the bytes the plot's storage allocation needs: the blocks, then their leaf hashes */
    long allocationBytes() {
        return blockBytes() + blockCount * MerkleTree.HASH;
    }

    /**
     * @param configured the configured folder, where {@code ${karaf.data}} stands for {@code karafData}
     * @param karafData  the Karaf data folder, or {@code null} if unknown (then {@code data} is used)
     * @return the folder
     * @throws IllegalArgumentException naming {@code storage.directory} if it is empty
     */
    static Path directory(String configured, String karafData) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("storage.directory must not be empty; the default is "
                    + SpaceProofEngine.KARAF_DATA + "/internet2/proof/space");
        }
        String data = karafData == null || karafData.isBlank() ? "data" : karafData.strip();
        return Path.of(configured.strip().replace(SpaceProofEngine.KARAF_DATA, data)).toAbsolutePath();
    }
}
