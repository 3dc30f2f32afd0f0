package network.internet2.trustchain.ct.cli.internal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 section 2.1, written in the test as directly as
 * the RFC's recursive definitions (MTH, PATH, PROOF and SUBPROOF) and with its
 * own hashing, so that what the commands verify is checked against an
 * independent computation.
 */
final class ReferenceTree {

    private ReferenceTree() {
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return {@code MTH({d(0)}) = SHA-256(0x00 || d(0))} */
    static byte[] leafHash(byte[] leafInput) {
        return sha256(new byte[] {0}, leafInput);
    }

    /** @return {@code MTH(D[n])} of the leaves {@code from} (inclusive) to {@code to} (exclusive) */
    static byte[] mth(List<byte[]> leafHashes, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHashes.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return sha256(new byte[] {1}, mth(leafHashes, from, from + k), mth(leafHashes, from + k, to));
    }

    /** @return {@code PATH(m, D[n])}, the audit path of leaf {@code m} */
    static List<byte[]> path(int m, List<byte[]> leafHashes, int from, int to) {
        int n = to - from;
        List<byte[]> path = new ArrayList<>();
        if (n <= 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path.addAll(path(m, leafHashes, from, from + k));
            path.add(mth(leafHashes, from + k, to));
        } else {
            path.addAll(path(m - k, leafHashes, from + k, to));
            path.add(mth(leafHashes, from, from + k));
        }
        return path;
    }

    /** @return {@code PROOF(m, D[n])}, the consistency proof from the first {@code m} leaves to the first {@code n} */
    static List<byte[]> proof(int m, List<byte[]> leafHashes, int n) {
        return subproof(m, leafHashes, 0, n, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leafHashes, int from, int to, boolean whole) {
        int n = to - from;
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!whole) {
                proof.add(mth(leafHashes, from, to));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, leafHashes, from, from + k, whole));
            proof.add(mth(leafHashes, from + k, to));
        } else {
            proof.addAll(subproof(m - k, leafHashes, from + k, to, false));
            proof.add(mth(leafHashes, from, from + k));
        }
        return proof;
    }

    /** @return the largest power of two strictly smaller than {@code n} (n &gt; 1) */
    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
