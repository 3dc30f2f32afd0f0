package network.internet2.trustchain.ct;

/**
 * A signed tree head (RFC 6962, 3.5).
 *
 * @param treeSize              number of entries
 * @param timestamp             milliseconds since the epoch
 * @param rootHash              the Merkle tree hash of the first {@code treeSize} entries
 * @param signature             the ECDSA P-256 {@code digitally-signed} structure, TLS-encoded
 * @param postQuantumSignature  the FALCON-1024 co-signature over the same tree head
 */
public record SignedTreeHead(long treeSize, long timestamp, byte[] rootHash, byte[] signature,
        byte[] postQuantumSignature) {

    public SignedTreeHead {
        rootHash = rootHash.clone();
        signature = signature.clone();
        postQuantumSignature = postQuantumSignature.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] postQuantumSignature() {
        return postQuantumSignature.clone();
    }
}
