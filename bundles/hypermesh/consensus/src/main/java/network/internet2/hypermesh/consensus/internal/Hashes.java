package network.internet2.hypermesh.consensus.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import network.internet2.hypermesh.proof.Operation;

/**
 * The hashes consensus is built on: an operation's hash and the challenge
 * each proof type answers, both SHA-256 over length-prefixed fields with a
 * domain-separation tag, so that no two different inputs share an encoding.
 */
final class Hashes {

    static final String OPERATION_TAG = "internet2/consensus/operation/v1";
    static final String CHALLENGE_TAG = "internet2/consensus/challenge/v1";

    private Hashes() {
    }

    /** @return SHA-256 of the operation's kind, subject and payload */
    static byte[] operation(Operation operation) {
        return sha256(field(OPERATION_TAG), field(operation.kind()), field(operation.subject()),
                field(operation.payload()));
    }

    /** @return the challenge value a proof of {@code type} must answer */
    static byte[] challenge(String type, byte[] operationHash, String nodeIdentity, byte[] nonce, long epochMillis) {
        return sha256(field(CHALLENGE_TAG), field(type), field(operationHash), field(nodeIdentity), field(nonce),
                ByteBuffer.allocate(Long.BYTES).putLong(epochMillis).array());
    }

    static byte[] sha256(byte[]... parts) {
        MessageDigest digest = digest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static byte[] field(String text) {
        return field(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] field(byte[] bytes) {
        return ByteBuffer.allocate(Integer.BYTES + bytes.length).putInt(bytes.length).put(bytes).array();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
