package network.internet2.hypermesh.proof;

/**
 * What an engine proves against: derived by the consensus service from the
 * operation's hash, the proving node's identity and a fresh nonce.
 *
 * @param operationHash SHA-256 of the operation
 * @param nodeIdentity  the proving node's certificate identity
 * @param nonce         fresh per consensus proof
 * @param value         the challenge bytes the engine binds its proof to
 */
public record Challenge(byte[] operationHash, String nodeIdentity, byte[] nonce, byte[] value) {

    public Challenge {
        operationHash = operationHash.clone();
        nonce = nonce.clone();
        value = value.clone();
    }

    @Override
    public byte[] operationHash() {
        return operationHash.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }
}
