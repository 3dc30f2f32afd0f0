package network.internet2.trustchain.ct.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 9162 section 2.1.1 hashing: SHA-256 with domain separation of leaves (0x00) and interior nodes (0x01). */
final class MerkleHashes {

    static final int SIZE = 32;

    private MerkleHashes() {
    }

    /** @return the hash of the empty tree, SHA-256 of no bytes */
    static byte[] empty() {
        return sha256().digest();
    }

    static byte[] leaf(byte[] leafInput) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(leafInput);
    }

    static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    /** @return the largest power of two strictly smaller than {@code n} (n &gt; 1) */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
