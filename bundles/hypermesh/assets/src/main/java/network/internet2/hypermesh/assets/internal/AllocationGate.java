package network.internet2.hypermesh.assets.internal;

import java.time.Duration;
import java.util.Optional;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.ConsensusReceipt;

/**
 * Asked before every allocate and release; may refuse with a reason the caller
 * reads. This is where the consensus service plugs in: a gate backed by it will
 * admit a request only once the network agrees. Until then {@link #ADMIT_ALL}
 * is used. A gate is called outside the registry's lock, so it may take time.
 */
interface AllocationGate {

    /** The gate that admits every request. */
    AllocationGate ADMIT_ALL = new AllocationGate() {
    };

    /** @return why the request is refused, or empty to admit it */
    default Optional<String> refuseAllocation(String kind, long amount, Duration lease, String owner) {
        return Optional.empty();
    }

    /** @return whether the request is admitted, and with which consensus proof */
    default Admission admitAllocation(String kind, long amount, Duration lease, String owner) {
        return new Admission(refuseAllocation(kind, amount, lease, owner), Optional.empty());
    }

    /**
     * A gate's decision on an allocation.
     *
     * @param refusal why it is refused, or empty when admitted
     * @param receipt the consensus proof it was admitted with, if one was validated
     */
    record Admission(Optional<String> refusal, Optional<ConsensusReceipt> receipt) {
    }

    /** @return why {@code caller} may not release {@code allocation}, or empty to admit it */
    default Optional<String> refuseRelease(Allocation allocation, String caller) {
        return Optional.empty();
    }
}
