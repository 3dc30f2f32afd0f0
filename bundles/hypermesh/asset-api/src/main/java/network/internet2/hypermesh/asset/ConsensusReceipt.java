package network.internet2.hypermesh.asset;

import java.time.Duration;

/**
 * The consensus proof an operation on an allocation passed with.
 *
 * @param proofId      the consensus proof's id
 * @param verification how long validating it took
 */
public record ConsensusReceipt(String proofId, Duration verification) {
}
