package network.internet2.hypermesh.proof.time.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * The Fiat–Shamir challenge of the Wesolowski proof: a 256-bit prime ℓ that
 * depends on the whole statement (T, x, y), so that the prover learns ℓ only
 * after fixing y. The candidate is SHA-256(tag, T, x, y) with its top and
 * bottom bits set; ℓ is the first probable prime (certainty 128) counting up
 * from it in steps of two, wrapping from 2^256 to 2^255 + 1 so that ℓ is
 * always exactly 256 bits. Prover and verifier run the same procedure.
 */
final class HashToPrime {

    static final int BITS = 256;
    static final int CERTAINTY = 128;

    private static final BigInteger TOP = BigInteger.ONE.shiftLeft(BITS - 1);
    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(BITS);
    private static final BigInteger TWO = BigInteger.TWO;

    private HashToPrime() {
    }

    /**
     * @param iterations T
     * @param x          the VDF input
     * @param y          the VDF output, canonical
     * @param width      the fixed width of group elements in bytes
     * @return ℓ, a 256-bit probable prime
     */
    static BigInteger prime(int iterations, BigInteger x, BigInteger y, int width) {
        MessageDigest sha256 = Hashing.sha256();
        sha256.update(Hashing.PRIME_TAG);
        sha256.update(ByteBuffer.allocate(2 * Integer.BYTES).putInt(iterations).putInt(width).array());
        sha256.update(Hashing.unsigned(x, width));
        sha256.update(Hashing.unsigned(y, width));
        BigInteger candidate = new BigInteger(1, sha256.digest()).or(TOP).setBit(0);
        while (!candidate.isProbablePrime(CERTAINTY)) {
            candidate = candidate.add(TWO);
            if (candidate.compareTo(LIMIT) >= 0) {
                candidate = TOP.add(BigInteger.ONE);
            }
        }
        return candidate;
    }
}
