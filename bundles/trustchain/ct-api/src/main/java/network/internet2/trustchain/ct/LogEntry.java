package network.internet2.trustchain.ct;

/**
 * One entry of the log, as {@code get-entries} returns it (RFC 6962, 4.6).
 *
 * @param index     position in the log
 * @param leafInput the TLS-encoded {@code MerkleTreeLeaf}
 * @param extraData the TLS-encoded chain (and precertificate) data
 */
public record LogEntry(long index, byte[] leafInput, byte[] extraData) {

    public LogEntry {
        leafInput = leafInput.clone();
        extraData = extraData.clone();
    }

    @Override
    public byte[] leafInput() {
        return leafInput.clone();
    }

    @Override
    public byte[] extraData() {
        return extraData.clone();
    }
}
