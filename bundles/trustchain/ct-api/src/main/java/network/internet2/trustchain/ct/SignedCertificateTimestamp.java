package network.internet2.trustchain.ct;

/**
 * A signed certificate timestamp (RFC 6962, 3.2), the log's promise to
 * include an entry within its maximum merge delay.
 *
 * @param logId      SHA-256 of the log's public key
 * @param timestamp  milliseconds since the epoch
 * @param extensions the SCT extensions (carrying the post-quantum co-signature)
 * @param signature  the {@code digitally-signed} structure, TLS-encoded
 * @param encoded    the whole SCT in its TLS encoding, as placed in an SCT list
 */
public record SignedCertificateTimestamp(byte[] logId, long timestamp, byte[] extensions, byte[] signature,
        byte[] encoded) {

    public SignedCertificateTimestamp {
        logId = logId.clone();
        extensions = extensions.clone();
        signature = signature.clone();
        encoded = encoded.clone();
    }

    @Override
    public byte[] logId() {
        return logId.clone();
    }

    @Override
    public byte[] extensions() {
        return extensions.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }
}
