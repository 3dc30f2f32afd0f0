package network.internet2.hypermesh.proof.work.internal;

import java.nio.ByteBuffer;

import network.internet2.hypermesh.proof.ProofException;

/**
 * A solved puzzle as carried in a {@link network.internet2.hypermesh.proof.Proof}:
 * version, difficulty, counter, in a fixed 10-byte encoding.
 *
 * @param difficultyBits the leading zero bits the proof claims, 1 to 255
 * @param counter        the counter that solves the puzzle
 */
record WorkProof(int difficultyBits, long counter) {

    /** The encoding version this engine writes and reads. */
    static final int VERSION = 1;
    /** Version, difficulty, counter. */
    static final int LENGTH = 1 + 1 + Long.BYTES;

    WorkProof {
        if (difficultyBits < 1 || difficultyBits > 255) {
            throw new IllegalArgumentException("difficulty must be 1 to 255 bits, not " + difficultyBits);
        }
    }

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH).put((byte) VERSION).put((byte) difficultyBits).putLong(counter).array();
    }

    /** @throws ProofException saying what is wrong with {@code encoded} */
    static WorkProof decode(byte[] encoded) throws ProofException {
        if (encoded == null || encoded.length != LENGTH) {
            throw new ProofException("malformed work proof: it is " + LENGTH + " bytes (version, difficulty, "
                    + "counter), this one is " + (encoded == null ? "missing" : encoded.length + " bytes"));
        }
        ByteBuffer buffer = ByteBuffer.wrap(encoded);
        int version = Byte.toUnsignedInt(buffer.get());
        if (version != VERSION) {
            throw new ProofException("unknown work proof version " + version + " (this engine reads version "
                    + VERSION + ")");
        }
        int difficulty = Byte.toUnsignedInt(buffer.get());
        if (difficulty == 0) {
            throw new ProofException("malformed work proof: it claims a difficulty of 0 bits");
        }
        return new WorkProof(difficulty, buffer.getLong());
    }
}
