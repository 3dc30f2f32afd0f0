package network.internet2.hypermesh.consensus.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers the ids of accepted consensus proofs for as long as they would
 * still be fresh, so that none is accepted twice. Older proofs are refused as
 * stale anyway, so forgetting them then is safe. Bounded: when full, the
 * oldest id is forgotten early and the freshness window is what still guards
 * it (say so in the figures: {@link #evictedEarly()}).
 */
final class ReplayGuard {

    private record Seen(String id, long epochMillis) {
    }

    private final int capacity;
    private final long windowMillis;
    private final Deque<Seen> order = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();
    private long evictedEarly;

    ReplayGuard(int capacity, long windowMillis) {
        this.capacity = capacity;
        this.windowMillis = windowMillis;
    }

    /** @return whether {@code id} was seen before (and remembers it if not) */
    synchronized boolean seenBefore(String id, long epochMillis, long nowMillis) {
        while (!order.isEmpty() && order.peekFirst().epochMillis() < nowMillis - windowMillis) {
            ids.remove(order.pollFirst().id());
        }
        if (ids.contains(id)) {
            return true;
        }
        if (ids.size() >= capacity) {
            ids.remove(order.pollFirst().id());
            evictedEarly++;
        }
        ids.add(id);
        order.addLast(new Seen(id, epochMillis));
        return false;
    }

    synchronized long evictedEarly() {
        return evictedEarly;
    }
}
