package network.internet2.hypermesh.proof.space.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of a plot, RFC 6962 style: SHA-256, a leaf is
 * {@code H(0x00 || data)}, an inner node {@code H(0x01 || left || right)}.
 *
 * <p>The tree of {@code n} leaves is RFC 6962's unbalanced tree. It is built
 * level by level: each level pairs neighbours, and an unpaired last node moves
 * up unchanged. That gives the same root as RFC 6962's recursive definition
 * (the left subtree of every split is the largest complete one), and it lets a
 * tree be cut at any height: the nodes of level {@code h} are the roots of the
 * aligned groups of {@code 2^h} leaves, so a group's own little tree, built the
 * same way, yields exactly the lower part of its leaves' paths.
 *
 * <p>Hashes are packed in byte arrays, {@value #HASH} bytes each.
 */
final class MerkleTree {

    /** Length of a hash. */
    static final int HASH = 32;
    /** The longest path a tree of at most 2^64 leaves has. */
    static final int MAX_PATH = 64;

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleTree() {
    }

    /** @return a fresh SHA-256 digest */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }

    /** Writes {@code H(0x00 || data[offset, offset + length))} to {@code out} at {@code outOffset}. */
    static void leafHash(MessageDigest digest, byte[] data, int offset, int length, byte[] out, int outOffset) {
        digest.reset();
        digest.update(LEAF);
        digest.update(data, offset, length);
        finish(digest, out, outOffset);
    }

    /** @return {@code H(0x00 || data)} */
    static byte[] leafHash(MessageDigest digest, byte[] data) {
        byte[] out = new byte[HASH];
        leafHash(digest, data, 0, data.length, out, 0);
        return out;
    }

    /** Writes {@code H(0x01 || left || right)} to {@code out} at {@code outOffset}. */
    static void nodeHash(MessageDigest digest, byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out,
            int outOffset) {
        digest.reset();
        digest.update(NODE);
        digest.update(left, leftOffset, HASH);
        digest.update(right, rightOffset, HASH);
        finish(digest, out, outOffset);
    }

    private static void finish(MessageDigest digest, byte[] out, int offset) {
        try {
            digest.digest(out, offset, HASH);
        } catch (java.security.DigestException tooShort) {
            throw new IllegalArgumentException("no room for a hash at " + offset + " of " + out.length, tooShort);
        }
    }

    /**
     * Builds the levels above {@code base}.
     *
     * @param base  {@code count} packed hashes: the leaf hashes, or the nodes of some level
     * @param count how many hashes {@code base} holds (at least one)
     * @return the levels, {@code [0]} being {@code base} itself and the last one the single root
     */
    static byte[][] levels(MessageDigest digest, byte[] base, int count) {
        if (count < 1 || (long) count * HASH > base.length) {
            throw new IllegalArgumentException("a level of " + count + " hashes does not fit " + base.length
                    + " bytes");
        }
        List<byte[]> levels = new ArrayList<>();
        byte[] level = base;
        int size = count;
        levels.add(level);
        while (size > 1) {
            int upSize = (size + 1) / 2;
            byte[] up = new byte[upSize * HASH];
            for (int j = 0; j < size / 2; j++) {
                nodeHash(digest, level, 2 * j * HASH, level, (2 * j + 1) * HASH, up, j * HASH);
            }
            if (size % 2 == 1) {
                System.arraycopy(level, (size - 1) * HASH, up, (upSize - 1) * HASH, HASH);
            }
            levels.add(up);
            level = up;
            size = upSize;
        }
        return levels.toArray(new byte[0][]);
    }

    /** @return the root over {@code count} packed hashes */
    static byte[] root(MessageDigest digest, byte[] base, int count) {
        byte[][] levels = levels(digest, base, count);
        return Arrays.copyOf(levels[levels.length - 1], HASH);
    }

    /** @return how many hashes level {@code height} of a tree of {@code leaves} leaves has */
    static long levelSize(long leaves, int height) {
        long size = leaves;
        for (int h = 0; h < height; h++) {
            size = (size + 1) / 2;
        }
        return size;
    }

    /**
     * Appends the siblings of node {@code index} on its way up through
     * {@code levels} (as {@link #levels} built them) to {@code path}.
     */
    static void siblings(byte[][] levels, long index, List<byte[]> path) {
        long i = index;
        for (int h = 0; h < levels.length - 1; h++) {
            long size = levels[h].length / HASH;
            long sibling = i ^ 1;
            if (sibling < size) {
                int at = Math.toIntExact(sibling * HASH);
                path.add(Arrays.copyOfRange(levels[h], at, at + HASH));
            }
            i >>= 1;
        }
    }

    /** @return how many hashes the path of leaf {@code index} in a tree of {@code leaves} leaves has */
    static int pathLength(long index, long leaves) {
        int length = 0;
        long i = index;
        for (long size = leaves; size > 1; size = (size + 1) / 2) {
            if ((i ^ 1) < size) {
                length++;
            }
            i >>= 1;
        }
        return length;
    }

    /**
     * Walks a leaf's path up to the root.
     *
     * @param leafHash the leaf's hash
     * @param index    the leaf's index
     * @param leaves   how many leaves the tree has
     * @param path     the siblings from the bottom up, as {@link #siblings} gives them
     * @return the root the path leads to, or {@code null} if the path has the wrong number of hashes
     */
    static byte[] rootFromPath(MessageDigest digest, byte[] leafHash, long index, long leaves, List<byte[]> path) {
        if (index < 0 || index >= leaves || path.size() != pathLength(index, leaves)) {
            return null;
        }
        byte[] hash = leafHash.clone();
        int next = 0;
        long i = index;
        for (long size = leaves; size > 1; size = (size + 1) / 2) {
            if ((i & 1) == 1) {
                nodeHash(digest, path.get(next++), 0, hash, 0, hash, 0);
            } else if (i + 1 < size) {
                nodeHash(digest, hash, 0, path.get(next++), 0, hash, 0);
            }
            i >>= 1;
        }
        return hash;
    }
}
