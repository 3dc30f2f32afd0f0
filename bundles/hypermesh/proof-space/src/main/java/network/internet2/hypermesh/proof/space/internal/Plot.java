package network.internet2.hypermesh.proof.space.internal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.storage.StorageAccess;

/**
 * A complete plot in its storage allocation, ready to prove.
 *
 * <p><b>Layout of the allocation.</b> The {@code n} blocks of
 * {@value PlotFunction#BLOCK_SIZE} bytes, then their {@code n} leaf hashes of
 * 32 bytes ({@link PlotParameters#allocationBytes()}).
 *
 * <p><b>Memory.</b> The Merkle levels from height {@code c}
 * ({@code merkle.cache.from.level}) up are kept here, about
 * {@code 2 * 32 * n / 2^c} bytes. A proof reads each challenged block and the
 * {@code 2^c} leaf hashes of its group from the allocation, rebuilds the
 * group's little tree for the lower part of the path, and takes the upper part
 * from memory. It also checks the block against its stored leaf hash, so a
 * damaged plot is noticed instead of proved from.
 */
final class Plot {

    /** Most bytes read from storage at once. */
    static final int READ_PIECE = 4 << 20;

    private static final int HASH = MerkleTree.HASH;

    private final PlotParameters parameters;
    private final String allocationId;
    private final Commitment commitment;
    /** Levels from height {@code c} up; {@code [0]} is level {@code c}, the last the root. */
    private final byte[][] cached;

    /**
     * @param groupRoots level {@code c} of the tree: the roots of the groups of {@code 2^c} blocks
     */
    Plot(PlotParameters parameters, String allocationId, byte[] plotKey, byte[] groupRoots) {
        this.parameters = parameters;
        this.allocationId = allocationId;
        int groups = Math.toIntExact(MerkleTree.levelSize(parameters.blockCount(), parameters.cacheFromLevel()));
        this.cached = MerkleTree.levels(MerkleTree.sha256(), groupRoots, groups);
        byte[] root = Arrays.copyOf(cached[cached.length - 1], HASH);
        this.commitment = new Commitment(parameters.identity(), parameters.blockCount(), parameters.workFactor(),
                plotKey, root);
    }

    /**
     * Reads a complete plot's leaf hashes back from its allocation.
     *
     * @throws AssetException if the allocation cannot be read
     */
    static Plot load(StorageAccess storage, PlotParameters parameters, String allocationId, byte[] plotKey)
            throws AssetException {
        byte[] groupRoots = groupRoots(storage, parameters, allocationId, parameters.blockCount());
        return new Plot(parameters, allocationId, plotKey, groupRoots);
    }

    /**
     * Computes level {@code c} for the first {@code blocks} blocks (a multiple of
     * {@code 2^c}, or all) from the leaf hashes stored in the allocation, into
     * an array sized for the whole plot.
     */
    static byte[] groupRoots(StorageAccess storage, PlotParameters parameters, String allocationId, long blocks)
            throws AssetException {
        int c = parameters.cacheFromLevel();
        long groupBlocks = 1L << c;
        byte[] roots = new byte[Math.toIntExact(MerkleTree.levelSize(parameters.blockCount(), c) * HASH)];
        MessageDigest digest = MerkleTree.sha256();
        long groupsPerRead = Math.max(1, READ_PIECE / HASH / groupBlocks);
        for (long first = 0; first < blocks; first += groupsPerRead * groupBlocks) {
            long count = Math.min(groupsPerRead * groupBlocks, blocks - first);
            byte[] leaves = storage.read(allocationId, parameters.blockBytes() + first * HASH,
                    Math.toIntExact(count * HASH));
            for (long offset = 0; offset < count; offset += groupBlocks) {
                int size = (int) Math.min(groupBlocks, count - offset);
                byte[] groupRoot = c == 0
                        ? Arrays.copyOfRange(leaves, (int) offset * HASH, (int) (offset + 1) * HASH)
                        : MerkleTree.root(digest, Arrays.copyOfRange(leaves, (int) offset * HASH,
                                (int) (offset + size) * HASH), size);
                System.arraycopy(groupRoot, 0, roots, Math.toIntExact(((first + offset) >> c) * HASH), HASH);
            }
        }
        return roots;
    }

    /** @return the allocation holding the plot */
    String allocationId() {
        return allocationId;
    }

    /** @return the parameters the plot was made with */
    PlotParameters parameters() {
        return parameters;
    }

    /** @return what this plot commits to */
    Commitment commitment() {
        return commitment;
    }

    /** @return the root in hex */
    String rootHex() {
        return HexFormat.of().formatHex(commitment.root());
    }

    /**
     * Proves the challenge value from the plot in storage.
     *
     * @throws AssetException if the allocation cannot be read
     * @throws DamagedPlotException if a block does not match its stored leaf hash
     */
    SpaceProof prove(StorageAccess storage, byte[] value) throws AssetException, DamagedPlotException {
        long n = parameters.blockCount();
        int c = parameters.cacheFromLevel();
        long[] indices = SpaceProof.indices(value, n, parameters.challenges());
        MessageDigest digest = MerkleTree.sha256();
        List<SpaceProof.Answer> answers = new ArrayList<>(indices.length);
        for (long index : indices) {
            byte[] block = storage.read(allocationId, index * PlotFunction.BLOCK_SIZE, PlotFunction.BLOCK_SIZE);
            long start = (index >> c) << c;
            int size = (int) Math.min(1L << c, n - start);
            byte[] leaves = storage.read(allocationId, parameters.blockBytes() + start * HASH, size * HASH);
            int at = (int) (index - start) * HASH;
            byte[] leaf = MerkleTree.leafHash(digest, block);
            if (!Arrays.equals(leaf, 0, HASH, leaves, at, at + HASH)) {
                throw new DamagedPlotException("block " + index + " of the plot in storage allocation "
                        + allocationId + " does not match its leaf hash");
            }
            List<byte[]> path = new ArrayList<>();
            MerkleTree.siblings(MerkleTree.levels(digest, leaves, size), index - start, path);
            MerkleTree.siblings(cached, index >> c, path);
            answers.add(new SpaceProof.Answer(index, block, path));
        }
        return new SpaceProof(n, commitment.root(), answers);
    }

    /** The plot in storage is not what was committed to. */
    static final class DamagedPlotException extends Exception {

        private static final long serialVersionUID = 1L;

        DamagedPlotException(String message) {
            super(message);
        }
    }
}
