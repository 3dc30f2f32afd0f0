package network.internet2.hypermesh.proof.space.internal;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What a node registered for its plot: enough for anyone to check a proof of
 * it without the plot.
 *
 * @param identity   the node identity
 * @param blockCount blocks of the plot
 * @param workFactor chained hashes per block ({@link PlotFunction})
 * @param plotKey    the plot key the blocks derive from (32 bytes)
 * @param root       the Merkle root over the blocks (32 bytes)
 */
record Commitment(String identity, long blockCount, int workFactor, byte[] plotKey, byte[] root) {

    /** Identities are printable ASCII without spaces (certificate and DNS names). */
    static final Pattern IDENTITY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    Commitment {
        if (identity == null || !IDENTITY.matcher(identity).matches()) {
            throw new IllegalArgumentException("a node identity is 1 to 255 printable ASCII characters without "
                    + "spaces, not '" + identity + "'");
        }
        if (blockCount < 1 || workFactor < 1) {
            throw new IllegalArgumentException("a plot has at least one block and a work factor of at least 1");
        }
        if (plotKey.length != MerkleTree.HASH || root.length != MerkleTree.HASH) {
            throw new IllegalArgumentException("plot keys and roots are " + MerkleTree.HASH + " bytes");
        }
        plotKey = plotKey.clone();
        root = root.clone();
    }

    @Override
    public byte[] plotKey() {
        return plotKey.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** @return the root in hex */
    String rootHex() {
        return HexFormat.of().formatHex(root);
    }

    /** @return whether {@code other} commits to the same plot */
    boolean sameAs(Commitment other) {
        return other != null && identity.equals(other.identity) && blockCount == other.blockCount
                && workFactor == other.workFactor && Arrays.equals(plotKey, other.plotKey)
                && Arrays.equals(root, other.root);
    }
}
