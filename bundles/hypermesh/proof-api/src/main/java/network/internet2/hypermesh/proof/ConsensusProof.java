package network.internet2.hypermesh.proof;

import java.util.List;

/**
 * Four (or as many as the policy requires) proofs bound to one operation and
 * one node, signed by that node.
 *
 * @param id            unique id of this proof, for replay detection and reference
 * @param operationHash SHA-256 of the operation
 * @param nodeIdentity  the proving node's certificate identity
 * @param epochMillis   when it was made
 * @param nonce         fresh per proof
 * @param proofs        the engines' proofs
 * @param signature     the node's signature over all of the above
 * @param encoded       the canonical encoding of the whole proof
 */
public record ConsensusProof(String id, byte[] operationHash, String nodeIdentity, long epochMillis, byte[] nonce,
        List<Proof> proofs, byte[] signature, byte[] encoded) {

    public ConsensusProof {
        operationHash = operationHash.clone();
        nonce = nonce.clone();
        proofs = List.copyOf(proofs);
        signature = signature.clone();
        encoded = encoded.clone();
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
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }
}
