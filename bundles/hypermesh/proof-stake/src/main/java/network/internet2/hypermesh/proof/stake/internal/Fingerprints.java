package network.internet2.hypermesh.proof.stake.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Key fingerprints: SHA-256 of the X.509 SubjectPublicKeyInfo, lower-case hex. */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(byte[] subjectPublicKeyInfo) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
