package network.internet2.hypermesh.consensus.internal;

/**
 * Why a consensus proof was refused: the closed set of keys under which
 * {@code ConsensusStatus.refusals()} counts refusals (and the metrics' {@code reason} tag).
 */
enum Refusal {
    /** The encoding does not decode. */
    MALFORMED("malformed"),
    /** The proof's fields differ from its encoding. */
    MISMATCHED("mismatched"),
    /** Its node is in quarantine. */
    QUARANTINED("quarantined"),
    /** It is bound to another operation. */
    ANOTHER_OPERATION("another-operation"),
    /** It is older than the policy allows. */
    STALE("stale"),
    /** Its time lies too far ahead of this node's clock. */
    FUTURE("future"),
    /** Its certificate does not name its node. */
    ANOTHER_NODE("another-node"),
    /** The CA refuses its node's certificate. */
    CERTIFICATE("certificate"),
    /** Its node's signature does not verify. */
    SIGNATURE("signature"),
    /** It carries a proof type the policy does not name. */
    UNLISTED_PROOF("unlisted-proof"),
    /** It lacks a proof type the policy requires. */
    MISSING_PROOF("missing-proof"),
    /** The engine of a proof type it carries is not installed. */
    ENGINE_UNAVAILABLE("engine-unavailable"),
    /** An engine refused its part. */
    PROOF_REFUSED("proof-refused"),
    /** Checking it took longer than the validation timeout. */
    TOO_SLOW("too-slow"),
    /** It was accepted before. */
    REPLAYED("replayed");

    private final String key;

    Refusal(String key) {
        this.key = key;
    }

    /** @return the key it is counted under */
    String key() {
        return key;
    }
}
