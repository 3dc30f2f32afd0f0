package network.internet2.hypermesh.proof.stake.internal;

import java.nio.ByteBuffer;

/**
 * The encoding of a proof of stake, and the message its signature covers.
 *
 * <pre>
 * u8   version (1)
 * u64  ledger height h the proof was made at
 * u64  the account's balance at h
 * u16  signature length n (1..{@value #MAX_SIGNATURE})
 * n    the account's staking signature over {@link #message}
 * </pre>
 * Big-endian; exactly {@value #FIXED_BYTES} + n bytes, nothing after. The
 * account is the challenge's node identity and is not repeated; its key's
 * algorithm is the one the ledger registered for it.
 */
final class StakeProofCodec {

    static final int VERSION = 1;
    static final int FIXED_BYTES = 1 + 8 + 8 + 2;
    /** Longer than any signature of the algorithms offered (ML-DSA-87: 4627 bytes). */
    static final int MAX_SIGNATURE = 8192;
    static final String PROOF_TAG = "internet2.network/hypermesh/proof/stake/proof/v1";

    /** A decoded proof. */
    record Decoded(long height, long balance, byte[] signature) {
    }

    /** The encoding is not that of a proof of stake; the message says how. */
    static final class MalformedProofException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedProofException(String message) {
            super(message);
        }
    }

    private StakeProofCodec() {
    }

    /**
     * @return the bytes signed for a proof over {@code challengeValue} by
     *         {@code account}, holding {@code balance} at ledger height {@code height}
     *         of the ledger {@code ledgerId}
     */
    static byte[] message(byte[] ledgerId, byte[] challengeValue, String account, long height, long balance) {
        return Canonical.tagged(PROOF_TAG)
                .bytes(ledgerId)
                .bytes(challengeValue)
                .text(account)
                .u64(height)
                .u64(balance)
                .toBytes();
    }

    static byte[] encode(long height, long balance, byte[] signature) {
        if (signature.length < 1 || signature.length > MAX_SIGNATURE) {
            throw new IllegalArgumentException("a signature of " + signature.length + " bytes does not fit a proof");
        }
        return ByteBuffer.allocate(FIXED_BYTES + signature.length)
                .put((byte) VERSION)
                .putLong(height)
                .putLong(balance)
                .putShort((short) signature.length)
                .put(signature)
                .array();
    }

    static Decoded decode(byte[] encoded) throws MalformedProofException {
        if (encoded == null || encoded.length == 0) {
            throw new MalformedProofException("the stake proof is empty");
        }
        int version = encoded[0] & 0xff;
        if (version != VERSION) {
            throw new MalformedProofException("stake proof version " + version + " is not understood (this engine "
                    + "reads version " + VERSION + ")");
        }
        if (encoded.length < FIXED_BYTES) {
            throw new MalformedProofException("the stake proof is truncated: " + encoded.length + " bytes, shorter "
                    + "than its " + FIXED_BYTES + "-byte header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(encoded);
        buffer.get();
        long height = buffer.getLong();
        long balance = buffer.getLong();
        int length = buffer.getShort() & 0xffff;
        if (height < 1) {
            throw new MalformedProofException("the stake proof names ledger height " + height
                    + ", but heights start at 1");
        }
        if (balance < 0) {
            throw new MalformedProofException("the stake proof claims a negative balance");
        }
        if (length < 1 || length > MAX_SIGNATURE) {
            throw new MalformedProofException("the stake proof announces a signature of " + length
                    + " bytes, outside 1.." + MAX_SIGNATURE);
        }
        if (buffer.remaining() < length) {
            throw new MalformedProofException("the stake proof is truncated: its signature should be " + length
                    + " bytes, " + buffer.remaining() + " are present");
        }
        if (buffer.remaining() > length) {
            int extra = buffer.remaining() - length;
            throw new MalformedProofException("the stake proof has " + extra + (extra == 1 ? " byte" : " bytes")
                    + " after its signature");
        }
        byte[] signature = new byte[length];
        buffer.get(signature);
        return new Decoded(height, balance, signature);
    }
}
