package network.internet2.hypermesh.proof.time.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 with the engine's domain-separation tags, and the fixed-width
 * big-endian form in which group elements are hashed, signed and encoded.
 */
final class Hashing {

    /** Prefix of every tag: no other hash in the stack starts with it. */
    private static final String TAG_PREFIX = "internet2/hypermesh/proof-of-time/v1/";

    /** Tags of the engine's hashes. */
    static final byte[] GROUP_TAG = tag("hash-to-group");
    static final byte[] PRIME_TAG = tag("hash-to-prime");
    static final byte[] CHAIN_TAG = tag("chain");
    static final byte[] TIMESTAMP_TAG = tag("timestamp");

    private Hashing() {
    }

    private static byte[] tag(String name) {
        return (TAG_PREFIX + name).getBytes(StandardCharsets.US_ASCII);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no SHA-256, which every Java SE runtime must", e);
        }
    }

    /**
     * @return {@code value} as exactly {@code width} unsigned big-endian bytes
     * @throws IllegalArgumentException if it is negative or does not fit
     */
    static byte[] unsigned(BigInteger value, int width) {
        if (value.signum() < 0 || value.bitLength() > width * 8) {
            throw new IllegalArgumentException("a " + value.bitLength() + "-bit value does not fit in " + width
                    + " bytes");
        }
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[width];
        int copied = Math.min(bytes.length, width);
        System.arraycopy(bytes, bytes.length - copied, fixed, width - copied, copied);
        return fixed;
    }

    /** @return the width in bytes of elements modulo {@code modulus} */
    static int width(BigInteger modulus) {
        return (modulus.bitLength() + 7) / 8;
    }
}
