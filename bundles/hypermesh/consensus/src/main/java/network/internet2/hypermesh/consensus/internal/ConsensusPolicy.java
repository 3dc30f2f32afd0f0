package network.internet2.hypermesh.consensus.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.ProofException;

/**
 * What consensus demands: the proof types every consensus proof must carry
 * (the four of {@code mandatory_four_proof}, plus those named in
 * {@code proof.types}), how long validation may take, how old a proof may be,
 * and when a node is quarantined.
 *
 * @param requiredTypes      proof types required, in proving order
 * @param validationTimeout  longest a validation may take before it is refused
 * @param maxAge             oldest a proof may be
 * @param maxSkew            how far in the future a proof's time may lie
 * @param quarantineFailures consecutive failed validations that quarantine a node
 * @param quarantineDuration how long a quarantine lasts
 * @param replayCapacity     how many accepted proof ids are remembered at most
 */
record ConsensusPolicy(List<String> requiredTypes, Duration validationTimeout, Duration maxAge, Duration maxSkew,
        int quarantineFailures, Duration quarantineDuration, int replayCapacity) {

    static final List<String> FOUR = List.of(ProofEngine.WORK, ProofEngine.TIME, ProofEngine.SPACE,
            ProofEngine.STAKE);

    /** What the metrics call the whole consensus proof (all its types at once), so no proof type may take it. */
    static final String ALL_TYPES = "all";

    ConsensusPolicy {
        requiredTypes = List.copyOf(requiredTypes);
        if (requiredTypes.isEmpty()) {
            throw new IllegalArgumentException("the policy requires no proof type: set mandatory.four.proof=true "
                    + "or name types in proof.types");
        }
        if (requiredTypes.contains(ALL_TYPES)) {
            throw new IllegalArgumentException("proof.types: '" + ALL_TYPES + "' cannot name a proof type, it "
                    + "stands for the whole consensus proof in the metrics; give the engine another type name");
        }
        positive(validationTimeout, "validation.timeout.ms");
        positive(maxAge, "max.age.seconds");
        if (maxSkew.isNegative()) {
            throw new IllegalArgumentException("max.skew.seconds cannot be negative");
        }
        if (quarantineFailures < 1) {
            throw new IllegalArgumentException("quarantine.failures must be at least 1, not " + quarantineFailures);
        }
        positive(quarantineDuration, "quarantine.seconds");
        if (replayCapacity < 1) {
            throw new IllegalArgumentException("replay.capacity must be at least 1, not " + replayCapacity);
        }
    }

    /**
     * @param mandatoryFour whether the four proofs are required
     * @param extraTypes    further types the policy names
     * @throws IllegalArgumentException if a type is malformed or none is required
     */
    static List<String> requiredTypes(boolean mandatoryFour, String[] extraTypes) {
        Set<String> types = new LinkedHashSet<>(mandatoryFour ? FOUR : List.of());
        for (String type : extraTypes) {
            String trimmed = type.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                types.add(ProofCodec.checkType(trimmed));
            } catch (ProofException e) {
                throw new IllegalArgumentException("proof.types: " + e.getMessage(), e);
            }
        }
        return new ArrayList<>(types);
    }

    private static void positive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, not " + value);
        }
    }
}
