package network.internet2.hypermesh.proof;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the consensus service is doing, for status pages and the shell.
 *
 * @param requiredTypes  the proof types the policy requires, in proving order
 * @param installedTypes the proof types whose engines are installed now
 * @param quarantined    the nodes whose proofs are refused for now, with why
 * @param proved         consensus proofs this node produced
 * @param validated      consensus proofs that passed validation
 * @param refusals       refused consensus proofs by reason key (malformed, mismatched, quarantined, another-operation, stale, future, another-node, certificate, signature, unlisted-proof, missing-proof, engine-unavailable, proof-refused, too-slow, replayed)
 * @param proveTimings   time to produce, per proof type and {@code consensus} for the whole
 * @param verifyTimings  time to verify, per proof type and {@code consensus} for the whole
 */
public record ConsensusStatus(List<String> requiredTypes, List<String> installedTypes, List<Quarantine> quarantined,
        long proved, long validated, Map<String, Long> refusals, Map<String, Timing> proveTimings,
        Map<String, Timing> verifyTimings) {

    public ConsensusStatus {
        requiredTypes = List.copyOf(requiredTypes);
        installedTypes = List.copyOf(installedTypes);
        quarantined = List.copyOf(quarantined);
        refusals = Map.copyOf(refusals);
        proveTimings = Map.copyOf(proveTimings);
        verifyTimings = Map.copyOf(verifyTimings);
    }

    /**
     * A node whose proofs are refused until {@code until}.
     *
     * @param nodeIdentity the node's certificate identity
     * @param until        when its proofs are considered again
     * @param reason       the failures that put it there
     */
    public record Quarantine(String nodeIdentity, Instant until, String reason) {
    }

    /**
     * Latency over the recent samples.
     *
     * @param count     samples taken since start
     * @param p50Millis median of the recent samples
     * @param p99Millis 99th percentile of the recent samples
     * @param maxMillis largest recent sample
     */
    public record Timing(long count, double p50Millis, double p99Millis, double maxMillis) {
    }
}
