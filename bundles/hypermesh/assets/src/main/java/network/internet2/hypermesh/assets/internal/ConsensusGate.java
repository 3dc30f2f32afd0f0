package network.internet2.hypermesh.assets.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.ConsensusReceipt;
import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.hypermesh.proof.Operation;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;

/**
 * The {@link AllocationGate} backed by the consensus service: every allocate
 * ({@code asset.allocate}) and release ({@code asset.release}) is proved by
 * this node and the proof validated before the registry acts. When no
 * consensus service is installed, requests are admitted unless consensus is
 * required, in which case they are refused with the reason.
 *
 * <p>Allocations and releases of exempt owners pass without a proof: the
 * proof-of-space engine keeps its plot in a storage allocation, which it must
 * obtain before it can prove anything.
 */
final class ConsensusGate implements AllocationGate {

    static final String ALLOCATE = "asset.allocate";
    static final String RELEASE = "asset.release";

    private final Supplier<ConsensusService> consensus;
    private final boolean required;
    private final Set<String> exemptOwners;

    /**
     * @param consensus the consensus service now, or {@code null} while none is installed
     * @param required  whether operations must be refused while no consensus service is installed
     */
    ConsensusGate(Supplier<ConsensusService> consensus, boolean required, Set<String> exemptOwners) {
        this.consensus = consensus;
        this.required = required;
        this.exemptOwners = Set.copyOf(exemptOwners);
    }

    @Override
    public Optional<String> refuseAllocation(String kind, long amount, Duration lease, String owner) {
        return admitAllocation(kind, amount, lease, owner).refusal();
    }

    @Override
    public Admission admitAllocation(String kind, long amount, Duration lease, String owner) {
        if (exemptOwners.contains(owner)) {
            return new Admission(Optional.empty(), Optional.empty());
        }
        return decide(new Operation(ALLOCATE, kind, payload("kind", kind, "amount", Long.toString(amount),
                "lease_seconds", Long.toString(lease.toSeconds()), "owner", owner)));
    }

    @Override
    public Optional<String> refuseRelease(Allocation allocation, String caller) {
        if (exemptOwners.contains(allocation.owner())) {
            return Optional.empty();
        }
        return refuse(new Operation(RELEASE, allocation.id(), payload("kind", allocation.kind(), "amount",
                Long.toString(allocation.amount()), "owner", allocation.owner(), "caller", caller)));
    }

    private Optional<String> refuse(Operation operation) {
        return decide(operation).refusal();
    }

    private Admission decide(Operation operation) {
        ConsensusService service = consensus.get();
        if (service == null) {
            return new Admission(required
                    ? Optional.of("consensus is required (require.consensus=true) but no consensus service is "
                            + "installed; install the hypermesh-consensus feature, or set require.consensus=false")
                    : Optional.empty(), Optional.empty());
        }
        try {
            ConsensusProof proof = service.prove(operation);
            long started = System.nanoTime();
            Verdict verdict = service.validate(operation, proof);
            Duration verification = Duration.ofNanos(System.nanoTime() - started);
            return verdict.valid()
                    ? new Admission(Optional.empty(), Optional.of(new ConsensusReceipt(proof.id(), verification)))
                    : refused("consensus refused it: " + verdict.reason());
        } catch (ProofException e) {
            return refused("consensus could not prove it: " + e.getMessage());
        } catch (RuntimeException e) {
            return refused("the consensus service failed: " + e);
        }
    }

    private static Admission refused(String reason) {
        return new Admission(Optional.of(reason), Optional.empty());
    }

    /** The canonical encoding of an operation's parameters: {@code key=value} lines in the given order. */
    static byte[] payload(String... keysAndValues) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            text.append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
