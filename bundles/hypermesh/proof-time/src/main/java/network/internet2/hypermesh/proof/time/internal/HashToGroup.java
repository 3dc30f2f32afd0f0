package network.internet2.hypermesh.proof.time.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * Maps a challenge value and the chain head it follows to the VDF's input x,
 * an element of Z_N^* that nobody could have chosen: SHA-256 in counter mode
 * (tag, block counter, attempt, length-prefixed value and previous head)
 * expanded to 128 bits more than N, so that reducing mod N leaves a bias of
 * at most 2^-128, then reduced mod N. The trivial elements 0, 1 and N − 1
 * (and, for toy moduli, any x sharing a factor with N) are skipped by hashing
 * again with the next attempt number.
 */
final class HashToGroup {

    /** Extra bits beyond N's length, so that x mod N is close to uniform. */
    static final int EXTRA_BITS = 128;
    /** More attempts than any modulus of cryptographic size will ever need. */
    private static final int MAX_ATTEMPTS = 1 << 16;

    private HashToGroup() {
    }

    /**
     * @param modulus  N
     * @param value    the challenge value
     * @param previous the chain head the proof follows
     * @return x in Z_N^*, neither 0, 1 nor N − 1
     */
    static BigInteger element(BigInteger modulus, byte[] value, byte[] previous) {
        int bytes = (modulus.bitLength() + EXTRA_BITS + 7) / 8;
        BigInteger minusOne = modulus.subtract(BigInteger.ONE);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            BigInteger x = new BigInteger(1, expand(bytes, attempt, value, previous)).mod(modulus);
            if (x.compareTo(BigInteger.ONE) > 0 && !x.equals(minusOne) && x.gcd(modulus).equals(BigInteger.ONE)) {
                return x;
            }
        }
        throw new IllegalArgumentException("modulus " + modulus + " has too few units to hash into");
    }

    private static byte[] expand(int bytes, int attempt, byte[] value, byte[] previous) {
        MessageDigest sha256 = Hashing.sha256();
        byte[] out = new byte[bytes];
        for (int block = 0, offset = 0; offset < bytes; block++, offset += 32) {
            sha256.update(Hashing.GROUP_TAG);
            sha256.update(ByteBuffer.allocate(3 * Integer.BYTES).putInt(block).putInt(attempt).putInt(value.length)
                    .array());
            sha256.update(value);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(previous.length).array());
            sha256.update(previous);
            byte[] digest = sha256.digest();
            System.arraycopy(digest, 0, out, offset, Math.min(32, bytes - offset));
        }
        return out;
    }
}
