package network.internet2.hypermesh.proof.work.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import network.internet2.hypermesh.proof.Challenge;

/** Deterministic challenges for tests, so that a failure reproduces. */
final class Challenges {

    private Challenges() {
    }

    static Challenge challenge(String seed) {
        byte[] operation = sha256("operation " + seed);
        byte[] nonce = sha256("nonce " + seed);
        return new Challenge(operation, "node-a.internet2.network", nonce, sha256("value " + seed));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
