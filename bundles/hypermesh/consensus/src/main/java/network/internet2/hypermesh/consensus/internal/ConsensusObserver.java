package network.internet2.hypermesh.consensus.internal;

/**
 * Told of every proof this node makes and checks, with how long it took (the
 * same measurements the status's timings keep). Called on the prover's or
 * validator's thread: implementations only take note. The metrics component
 * is the one observer; {@link #NONE} stands in while it is absent.
 */
interface ConsensusObserver {

    /** Takes note of nothing. */
    ConsensusObserver NONE = new ConsensusObserver() {
    };

    /** An engine produced its part of a consensus proof. */
    default void partProved(String proofType, long nanos) {
    }

    /** An engine checked its part of a presented consensus proof. */
    default void partVerified(String proofType, boolean accepted, long nanos) {
    }

    /** This node produced a whole consensus proof (every part, encoding and signature). */
    default void consensusProved(long nanos) {
    }

    /** A presented consensus proof was validated as a whole, accepted or refused. */
    default void consensusValidated(boolean accepted, long nanos) {
    }
}
