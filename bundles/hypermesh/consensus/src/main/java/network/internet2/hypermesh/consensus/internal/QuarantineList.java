package network.internet2.hypermesh.consensus.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import network.internet2.hypermesh.proof.ConsensusStatus.Quarantine;

/**
 * Counts consecutive failed validations per node; a node that fails
 * {@code threshold} times in a row is quarantined for {@code duration}: its
 * proofs are refused without being looked at until then. A validation that
 * passes resets its count.
 */
final class QuarantineList {

    private record Record(int failures, String lastReason, Instant until) {
    }

    private final int threshold;
    private final Duration duration;
    private final Clock clock;
    private final Map<String, Record> nodes = new HashMap<>();

    QuarantineList(int threshold, Duration duration, Clock clock) {
        this.threshold = threshold;
        this.duration = duration;
        this.clock = clock;
    }

    /** @return the quarantine {@code node} is in now, if any */
    synchronized Optional<Quarantine> current(String node) {
        Record record = nodes.get(node);
        if (record == null || record.until() == null) {
            return Optional.empty();
        }
        if (!record.until().isAfter(clock.instant())) {
            nodes.remove(node);
            return Optional.empty();
        }
        return Optional.of(new Quarantine(node, record.until(), record.lastReason()));
    }

    synchronized void failed(String node, String reason) {
        Record before = nodes.get(node);
        int failures = before == null ? 1 : before.failures() + 1;
        Instant until = failures >= threshold ? clock.instant().plus(duration) : null;
        String why = failures >= threshold ? failures + " failed validations in a row, the last: " + reason : reason;
        nodes.put(node, new Record(failures, why, until));
    }

    synchronized void passed(String node) {
        nodes.remove(node);
    }

    synchronized List<Quarantine> all() {
        List<Quarantine> quarantined = new ArrayList<>();
        for (String node : List.copyOf(nodes.keySet())) {
            current(node).ifPresent(quarantined::add);
        }
        return quarantined;
    }
}
