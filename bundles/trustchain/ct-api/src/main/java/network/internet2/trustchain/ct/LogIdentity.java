package network.internet2.trustchain.ct;

import java.time.Duration;

/**
 * What a log publishes about itself (Chrome log list v3 fields).
 *
 * @param logId             SHA-256 of the DER public key
 * @param publicKey         the DER {@code SubjectPublicKeyInfo} of the ECDSA P-256 key
 * @param postQuantumKey    the DER {@code SubjectPublicKeyInfo} of the FALCON-1024 co-signing key
 * @param url               the log's base URL, to which RFC 6962 clients append {@code ct/v1/…}
 * @param maximumMergeDelay the longest time between an SCT and the entry's inclusion
 */
public record LogIdentity(byte[] logId, byte[] publicKey, byte[] postQuantumKey, String url,
        Duration maximumMergeDelay) {

    public LogIdentity {
        logId = logId.clone();
        publicKey = publicKey.clone();
        postQuantumKey = postQuantumKey.clone();
    }

    @Override
    public byte[] logId() {
        return logId.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] postQuantumKey() {
        return postQuantumKey.clone();
    }
}
