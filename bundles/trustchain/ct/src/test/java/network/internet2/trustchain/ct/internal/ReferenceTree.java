package network.internet2.trustchain.ct.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 section 2.1 written as directly as its recursive definitions, over
 * leaf hashes in memory: what the stored tree must agree with.
 */
final class ReferenceTree {

    private ReferenceTree() {
    }

    static byte[] mth(List<byte[]> leafHashes, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return MerkleHashes.empty();
        }
        if (n == 1) {
            return leafHashes.get(from);
        }
        int k = Integer.highestOneBit(n - 1);
        return MerkleHashes.node(mth(leafHashes, from, from + k), mth(leafHashes, from + k, to));
    }

    static List<byte[]> path(int m, List<byte[]> leafHashes, int from, int to) {
        int n = to - from;
        List<byte[]> path = new ArrayList<>();
        if (n <= 1) {
            return path;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            path.addAll(path(m, leafHashes, from, from + k));
            path.add(mth(leafHashes, from + k, to));
        } else {
            path.addAll(path(m - k, leafHashes, from + k, to));
            path.add(mth(leafHashes, from, from + k));
        }
        return path;
    }

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
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            proof.addAll(subproof(m, leafHashes, from, from + k, whole));
            proof.add(mth(leafHashes, from + k, to));
        } else {
            proof.addAll(subproof(m - k, leafHashes, from + k, to, false));
            proof.add(mth(leafHashes, from, from + k));
        }
        return proof;
    }
}
