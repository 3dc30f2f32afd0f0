package network.internet2.trustchain.ct.cli.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the log's proofs here, with the algorithms of RFC 9162: the Merkle
 * hashes of section 2.1.1, the inclusion proof verification of section 2.1.3.2
 * and the consistency proof verification of section 2.1.4.2. Written from the
 * RFC, not shared with the log, so that a log handing out a wrong path is caught.
 */
final class MerkleProofs {

    static final int HASH_LENGTH = 32;

    private MerkleProofs() {
    }

    /** @return {@code SHA-256(0x00 || leafInput)}, the Merkle leaf hash */
    static byte[] leafHash(byte[] leafInput) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(leafInput);
    }

    /** @return {@code SHA-256(0x01 || left || right)}, the hash of an interior node */
    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    /**
     * RFC 9162 section 2.1.3.2 up to its last comparison.
     *
     * @return the root hash the inclusion path leads to from the leaf, or null if
     *         the path cannot be one of the leaf at {@code leafIndex} in a tree of
     *         {@code treeSize} (the index is outside the tree, the path is too
     *         long or too short, or a hash is not 32 bytes)
     */
    static byte[] inclusionRoot(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> inclusionPath) {
        if (leafIndex < 0 || leafIndex >= treeSize || !hashes(inclusionPath)) {
            return null;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : inclusionPath) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** @return whether the inclusion path leads from the leaf to {@code rootHash} (RFC 9162 section 2.1.3.2) */
    static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> inclusionPath,
            byte[] rootHash) {
        byte[] root = inclusionRoot(leafIndex, treeSize, leafHash, inclusionPath);
        return root != null && MessageDigest.isEqual(root, rootHash);
    }

    /**
     * The roots of the two trees as a consistency path computes them.
     *
     * @param first  the root of the first tree the path computes: {@code first_hash}
     *               itself when the first size is a power of two
     * @param second the root of the second tree the path computes
     */
    record Roots(byte[] first, byte[] second) {
    }

    /**
     * RFC 9162 section 2.1.4.2, steps 1 to 6 and the {@code sn == 0} check of step 7:
     * the roots the path computes, for the caller to compare with the roots it has.
     *
     * @param firstHash the root of the first tree, or null if the caller does not
     *                  have it; it is needed (and null is returned without it) when
     *                  {@code first} is a power of two, because the path then leaves
     *                  that root out: it is a node of the second tree
     * @return the two roots, or null if the path cannot be a consistency proof
     *         between trees of these sizes ({@code 0 < first < second} is required;
     *         equal sizes have an empty proof and nothing to compute)
     */
    static Roots consistencyRoots(long first, long second, byte[] firstHash, List<byte[]> consistencyPath) {
        if (first <= 0 || first >= second || !hashes(consistencyPath)) {
            return null;
        }
        List<byte[]> path = new ArrayList<>(consistencyPath);
        if (path.isEmpty()) {
            return null;
        }
        if (Long.bitCount(first) == 1) {
            if (firstHash == null) {
                return null;
            }
            path.add(0, firstHash);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? new Roots(fr, sr) : null;
    }

    /** @return whether the path proves the first tree's root is a prefix of the second's (RFC 9162 2.1.4.2) */
    static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash,
            List<byte[]> consistencyPath) {
        if (first == second) {
            return consistencyPath.isEmpty() && MessageDigest.isEqual(firstHash, secondHash);
        }
        Roots roots = consistencyRoots(first, second, firstHash, consistencyPath);
        return roots != null && MessageDigest.isEqual(roots.first(), firstHash)
                && MessageDigest.isEqual(roots.second(), secondHash);
    }

    private static boolean hashes(List<byte[]> path) {
        return path.stream().allMatch(hash -> hash != null && hash.length == HASH_LENGTH);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
