package network.internet2.hypermesh.proof.work.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.BooleanSupplier;

import network.internet2.hypermesh.proof.ProofException;

/**
 * The puzzle of one challenge at one difficulty: find a counter whose hash
 * (see the package documentation for the exact input) has at least
 * {@code difficultyBits} leading zero bits. Not thread-safe: one instance per
 * search or check.
 */
final class HashPuzzle {

    /** Domain separation: no other hash in the stack starts with these bytes. */
    static final byte[] TAG = "internet2/hypermesh/proof-of-work/v1".getBytes(StandardCharsets.US_ASCII);

    /** How many attempts pass between looks at the clock and the stop signal. */
    private static final int CHECK_EVERY = 1 << 12;

    private final int difficultyBits;
    private final byte[] input;
    private final int counterOffset;
    private final byte[] digest = new byte[32];
    private final MessageDigest sha256;

    HashPuzzle(byte[] value, int difficultyBits) {
        this.difficultyBits = difficultyBits;
        this.counterOffset = TAG.length + 1 + Integer.BYTES + value.length;
        this.input = ByteBuffer.allocate(counterOffset + Long.BYTES).put(TAG).put((byte) difficultyBits)
                .putInt(value.length).put(value).array();
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no SHA-256, which every Java SE runtime must", e);
        }
    }

    /** @return the number of leading zero bits of the hash for {@code counter} */
    int zeroBits(long counter) {
        for (int i = 0; i < Long.BYTES; i++) {
            input[counterOffset + i] = (byte) (counter >>> (56 - 8 * i));
        }
        sha256.update(input);
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
        return leadingZeroBits(digest);
    }

    /** @return whether {@code counter} solves this puzzle */
    boolean solvedBy(long counter) {
        return zeroBits(counter) >= difficultyBits;
    }

    /**
     * Tries counters 0, 1, 2, … until one solves the puzzle.
     *
     * @param maxAttempts  how many counters to try at most
     * @param deadlineNanos the {@link System#nanoTime()} after which to give up
     * @param stopped      says when the engine is stopping
     * @return the first counter that solves it
     * @throws ProofException when a bound is reached, the thread is interrupted or the engine stops
     */
    long solve(long maxAttempts, long deadlineNanos, BooleanSupplier stopped) throws ProofException {
        for (long counter = 0; counter < maxAttempts; counter++) {
            if (solvedBy(counter)) {
                return counter;
            }
            if ((counter & (CHECK_EVERY - 1)) == CHECK_EVERY - 1) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new ProofException("proof of work interrupted after " + (counter + 1) + " attempts");
                }
                if (stopped.getAsBoolean()) {
                    throw new ProofException("proof of work abandoned: the work engine is stopping");
                }
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw new ProofException("no proof of work at " + difficultyBits + " bits within max.millis ("
                            + (counter + 1) + " attempts made): raise max.millis or lower difficulty.bits");
                }
            }
        }
        throw new ProofException("no proof of work at " + difficultyBits + " bits within max.attempts ("
                + maxAttempts + "): raise max.attempts or lower difficulty.bits");
    }

    static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b != 0) {
                return bits + Integer.numberOfLeadingZeros(Byte.toUnsignedInt(b)) - 24;
            }
            bits += 8;
        }
        return bits;
    }
}
