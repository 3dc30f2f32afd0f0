package network.internet2.hypermesh.proof.time.internal;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

import network.internet2.hypermesh.proof.ProofException;

/**
 * A proof of time as carried in a {@link network.internet2.hypermesh.proof.Proof}.
 *
 * <p>Encoding, version 1 (all integers big-endian, every variable field
 * preceded by its length as two bytes):
 * <pre>
 *   version    1 byte   = 1
 *   iterations 4 bytes  T, positive
 *   timestamp  8 bytes  epoch milliseconds when y was reached
 *   previous   2 + 32   the chain head this proof follows
 *   y          2 + w    x^(2^T), w = width of N in bytes (256 for RSA-2048)
 *   π          2 + w    the Wesolowski proof
 *   ℓ          2 + 32   the 256-bit challenge prime
 *   signature  2 + n    the time key's signature, 1 ≤ n ≤ 256
 * </pre>
 * The decoder is strict: exact lengths, y and π canonical (0 &lt; v ≤ (N − 1)/2),
 * ℓ exactly 256 bits and odd, nothing after the signature.
 *
 * @param iterations T
 * @param timestamp  epoch milliseconds
 * @param previous   the chain head followed (32 bytes)
 * @param y          the VDF output
 * @param proof      π
 * @param prime      ℓ
 * @param signature  the signature over {@link #signedBytes}
 */
record TimeProof(int iterations, long timestamp, byte[] previous, BigInteger y, BigInteger proof, BigInteger prime,
        byte[] signature) {

    static final int VERSION = 1;
    static final int HEAD_BYTES = 32;
    static final int PRIME_BYTES = HashToPrime.BITS / 8;
    static final int MAX_SIGNATURE_BYTES = 256;

    TimeProof {
        previous = previous.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] previous() {
        return previous.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** @return the encoding, with group elements {@code width} bytes wide */
    byte[] encode(int width) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + 8 + 5 * 2 + HEAD_BYTES + 2 * width + PRIME_BYTES
                + signature.length);
        buffer.put((byte) VERSION).putInt(iterations).putLong(timestamp);
        field(buffer, previous);
        field(buffer, Hashing.unsigned(y, width));
        field(buffer, Hashing.unsigned(proof, width));
        field(buffer, Hashing.unsigned(prime, PRIME_BYTES));
        field(buffer, signature);
        return buffer.array();
    }

    private static void field(ByteBuffer buffer, byte[] bytes) {
        buffer.putShort((short) bytes.length).put(bytes);
    }

    /**
     * What the time key signs: tag, challenge value, T, previous head, y and timestamp.
     */
    static byte[] signedBytes(byte[] value, int iterations, byte[] previous, BigInteger y, long timestamp,
            int width) {
        return ByteBuffer.allocate(Hashing.TIMESTAMP_TAG.length + 4 + value.length + 4 + 2 + previous.length + width
                + 8).put(Hashing.TIMESTAMP_TAG).putInt(value.length).put(value).putInt(iterations)
                .putShort((short) previous.length).put(previous).put(Hashing.unsigned(y, width)).putLong(timestamp)
                .array();
    }

    /**
     * @param vdf the group, for the width and the range of y and π
     * @throws ProofException saying which field is wrong
     */
    static TimeProof decode(byte[] encoded, Wesolowski vdf) throws ProofException {
        if (encoded == null || encoded.length == 0) {
            throw malformed("it is empty");
        }
        ByteBuffer buffer = ByteBuffer.wrap(encoded);
        try {
            int version = Byte.toUnsignedInt(buffer.get());
            if (version != VERSION) {
                throw new ProofException("unknown time proof version " + version + " (this engine reads version "
                        + VERSION + ")");
            }
            int iterations = buffer.getInt();
            if (iterations < 1) {
                throw malformed("iterations must be positive, not " + iterations);
            }
            long timestamp = buffer.getLong();
            byte[] previous = field(buffer, "previous", HEAD_BYTES, HEAD_BYTES);
            BigInteger y = element(buffer, "y", vdf);
            BigInteger proof = element(buffer, "π", vdf);
            BigInteger prime = new BigInteger(1, field(buffer, "ℓ", PRIME_BYTES, PRIME_BYTES));
            if (prime.bitLength() != HashToPrime.BITS || !prime.testBit(0)) {
                throw malformed("ℓ must be an odd " + HashToPrime.BITS + "-bit number");
            }
            byte[] signature = field(buffer, "signature", 1, MAX_SIGNATURE_BYTES);
            if (buffer.hasRemaining()) {
                throw malformed(buffer.remaining() + " bytes follow the signature");
            }
            return new TimeProof(iterations, timestamp, previous, y, proof, prime, signature);
        } catch (BufferUnderflowException e) {
            throw malformed("it ends early, after " + buffer.position() + " of its bytes");
        }
    }

    private static BigInteger element(ByteBuffer buffer, String name, Wesolowski vdf) throws ProofException {
        BigInteger value = new BigInteger(1, field(buffer, name, vdf.width(), vdf.width()));
        if (!vdf.isCanonical(value)) {
            throw malformed(name + " is not a canonical group element (it must be nonzero and at most (N − 1)/2)");
        }
        return value;
    }

    private static byte[] field(ByteBuffer buffer, String name, int min, int max) throws ProofException {
        int length = Short.toUnsignedInt(buffer.getShort());
        if (length < min || length > max) {
            throw malformed(name + " must be " + (min == max ? min : min + " to " + max) + " bytes, not " + length);
        }
        if (buffer.remaining() < length) {
            throw malformed("it ends inside " + name + " (" + buffer.remaining() + " of " + length + " bytes)");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static ProofException malformed(String why) {
        return new ProofException("malformed time proof: " + why);
    }
}
