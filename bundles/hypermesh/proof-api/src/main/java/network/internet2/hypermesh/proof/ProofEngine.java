package network.internet2.hypermesh.proof;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Produces and verifies one type of proof. Producing may be expensive;
 * verifying must be cheap. A proof is bound to its challenge, so it proves
 * nothing for any other operation.
 */
@ConsumerType
public interface ProofEngine {

    /** Service property naming the proof type, e.g. {@code proof.type=work}. */
    String TYPE_PROPERTY = "proof.type";

    /** Proof of work: a hash puzzle. */
    String WORK = "work";
    /** Proof of time: a verifiable delay function. */
    String TIME = "time";
    /** Proof of space: a committed plot challenged at derived positions. */
    String SPACE = "space";
    /** Proof of stake: a signature checked against a stake ledger. */
    String STAKE = "stake";

    /** @return the proof type, equal to the {@link #TYPE_PROPERTY} value */
    String type();

    /**
     * Produces a proof for the challenge.
     *
     * @throws ProofException if the engine cannot prove now (e.g. its plot is not ready)
     */
    Proof prove(Challenge challenge) throws ProofException;

    /**
     * Verifies a proof against the challenge it claims to answer. Never throws
     * for a bad proof: malformed, forged or mismatched input yields a refusal.
     */
    Verdict verify(Challenge challenge, Proof proof);
}
