package network.internet2.hypermesh.consensus.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import network.internet2.hypermesh.proof.ConsensusService;

/**
 * The consensus layer's meters in the node's {@link MeterRegistry}: validation and proving durations per proof
 * type (and {@code all} for the whole consensus proof), refusals by reason, and nodes in quarantine. The
 * durations are the ones the consensus core measures for its status, handed over through its
 * {@link ConsensusObserver}; the counts are read from the core. Deactivating removes every meter it registered.
 */
@Component(immediate = true)
public class ConsensusMetrics {

    static final String VALIDATION = "hypermesh.consensus.validation.duration";
    static final String PROVING = "hypermesh.consensus.proving.duration";
    static final String REFUSALS = "hypermesh.consensus.refusals";
    static final String QUARANTINED = "hypermesh.consensus.quarantined";
    static final String ALL = ConsensusPolicy.ALL_TYPES;

    /** The histogram's buckets: the alert threshold (100 ms) sits on one. */
    static final Duration[] BUCKETS = millis(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000);

    /** A proof type's timers, registered together the first time the type is seen. */
    private record TypeTimers(Timer proving, Timer accepted, Timer refused) {

        Timer validation(boolean accepted) {
            return accepted ? this.accepted : refused;
        }
    }

    private final MeterRegistry registry;
    private final ConsensusCore core;
    private final List<Meter> meters = new ArrayList<>();
    private final Map<String, TypeTimers> timers = new ConcurrentHashMap<>();
    private final ConsensusObserver recorder = new Recorder();
    private boolean closed;

    @Activate
    public ConsensusMetrics(@Reference MeterRegistry registry, @Reference ConsensusService consensus) {
        this(registry, coreOf(consensus));
    }

    /** Registers the meters in {@code registry} and starts recording what {@code core} does. */
    ConsensusMetrics(MeterRegistry registry, ConsensusCore core) {
        this.registry = registry;
        this.core = core;
        synchronized (this) {
            timersOf(ALL);
            core.policy().requiredTypes().forEach(this::timersOf);
            for (Refusal refusal : Refusal.values()) {
                meters.add(FunctionCounter.builder(REFUSALS, core, c -> c.refusals(refusal))
                        .description("Consensus proofs refused, by reason").tag("reason", refusal.key())
                        .register(registry));
            }
            meters.add(Gauge.builder(QUARANTINED, core, ConsensusCore::quarantinedNodes)
                    .description("Nodes whose consensus proofs are refused unseen for now (quarantined)")
                    .register(registry));
        }
        core.observe(recorder);
    }

    private static ConsensusCore coreOf(ConsensusService consensus) {
        if (!(consensus instanceof ConsensusComponent component)) {
            throw new IllegalStateException("the consensus metrics read the hypermesh-consensus bundle's own "
                    + "service, not " + consensus.getClass().getName() + "; install hypermesh-consensus");
        }
        return component.core();
    }

    @Deactivate
    synchronized void deactivate() {
        core.stopObserving(recorder);
        closed = true;
        meters.forEach(registry::remove);
        meters.clear();
        timers.clear();
    }

    /** @return the timers of {@code proofType}, registering them on first use; {@code null} once closed */
    private TypeTimers timersOf(String proofType) {
        TypeTimers known = timers.get(proofType);
        return known != null ? known : register(proofType);
    }

    private synchronized TypeTimers register(String proofType) {
        if (closed) {
            return null;
        }
        return timers.computeIfAbsent(proofType, type -> {
            TypeTimers registered = new TypeTimers(timer(PROVING, type, null), timer(VALIDATION, type, "accepted"),
                    timer(VALIDATION, type, "refused"));
            meters.addAll(List.of(registered.proving(), registered.accepted(), registered.refused()));
            return registered;
        });
    }

    private Timer timer(String name, String proofType, String outcome) {
        Timer.Builder builder = Timer.builder(name).tag("proof_type", proofType).serviceLevelObjectives(BUCKETS)
                .description(name.equals(PROVING) ? "Time to produce a proof of this type (all: the whole "
                        + "consensus proof, signed)" : "Time to check a proof of this type (all: the whole "
                        + "consensus proof)");
        if (outcome != null) {
            builder.tag("outcome", outcome);
        }
        return builder.register(registry);
    }

    private static Duration[] millis(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofMillis(values[i]);
        }
        return durations;
    }

    /** Records the core's measurements into the timers. */
    private final class Recorder implements ConsensusObserver {

        @Override
        public void partProved(String proofType, long nanos) {
            TypeTimers type = timersOf(proofType);
            if (type != null) {
                type.proving().record(nanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void partVerified(String proofType, boolean accepted, long nanos) {
            TypeTimers type = timersOf(proofType);
            if (type != null) {
                type.validation(accepted).record(nanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void consensusProved(long nanos) {
            partProved(ALL, nanos);
        }

        @Override
        public void consensusValidated(boolean accepted, long nanos) {
            partVerified(ALL, accepted, nanos);
        }
    }
}
