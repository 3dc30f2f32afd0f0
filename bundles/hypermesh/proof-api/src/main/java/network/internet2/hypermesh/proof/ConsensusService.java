package network.internet2.hypermesh.proof;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Proves operations with every engine the policy requires and validates
 * presented consensus proofs.
 */
@ProviderType
public interface ConsensusService {

    /**
     * Proves an operation as this node.
     *
     * @throws ProofException if an engine the policy requires is not installed
     *         ("proof type work unavailable") or cannot prove now
     */
    ConsensusProof prove(Operation operation) throws ProofException;

    /**
     * Validates a consensus proof for an operation: the node's signature, the
     * binding to the operation, freshness, no replay, and every required proof.
     * Never throws for a bad proof.
     */
    Verdict validate(Operation operation, ConsensusProof proof);

    /**
     * Decodes a consensus proof received from elsewhere.
     *
     * @throws ProofException if the encoding is malformed or truncated
     */
    ConsensusProof decode(byte[] encoded) throws ProofException;

    /** @return the policy, the installed engines, quarantined nodes and figures */
    ConsensusStatus status();
}
