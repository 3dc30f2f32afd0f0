package network.internet2.hypermesh.proof.space.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.UnknownAssetKindException;

/**
 * Test fixture, not the real registry: an {@link AssetRegistry} of one kind
 * that hands allocate and release to an {@link AssetAdapter} (the real storage
 * adapter in these tests) and keeps its allocations in memory. Its book can
 * outlive engines, as the real registry's journal does, and can end an
 * allocation the way an expired lease would.
 */
final class FakeAssetRegistry implements AssetRegistry {

    private volatile AssetAdapter adapter;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Allocation> book = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger allocations = new AtomicInteger();
    final AtomicInteger renewals = new AtomicInteger();
    final List<String> released = new ArrayList<>();

    FakeAssetRegistry(AssetAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public List<AssetKind> kinds() {
        long allocated = book.values().stream().filter(a -> a.state() == Allocation.State.ACTIVE)
                .mapToLong(Allocation::amount).sum();
        return List.of(new AssetKind(adapter.kind(), adapter.capacity(), allocated));
    }

    @Override
    public Allocation allocate(String kind, long amount, Duration lease, String owner) throws AssetException {
        if (!adapter.kind().equals(kind)) {
            throw new UnknownAssetKindException(kind);
        }
        String id = "alloc-" + ids.incrementAndGet();
        adapter.allocate(id, amount);
        Allocation granted = new Allocation(id, kind, amount, owner, clock.instant().plus(lease), null,
                Allocation.State.ACTIVE, null);
        book.put(id, granted);
        allocations.incrementAndGet();
        return granted;
    }

    @Override
    public Allocation renew(String allocationId, Duration lease, String caller) throws AssetException {
        Allocation current = activeOf(allocationId, caller);
        Allocation renewed = new Allocation(current.id(), current.kind(), current.amount(), current.owner(),
                clock.instant().plus(lease), null, Allocation.State.ACTIVE, null);
        book.put(allocationId, renewed);
        renewals.incrementAndGet();
        return renewed;
    }

    @Override
    public void release(String allocationId, String caller) throws AssetException {
        activeOf(allocationId, caller);
        end(allocationId, Allocation.State.RELEASED, "released by " + caller);
        synchronized (released) {
            released.add(allocationId);
        }
    }

    /** Ends an allocation as an expired lease would, giving its storage back. */
    void expire(String allocationId) {
        end(allocationId, Allocation.State.EXPIRED, "lease expired");
    }

    private void end(String allocationId, Allocation.State state, String reason) {
        Allocation current = book.get(allocationId);
        book.put(allocationId, new Allocation(current.id(), current.kind(), current.amount(), current.owner(),
                current.leaseExpiry(), null, state, reason));
        adapter.release(allocationId);
    }

    private Allocation activeOf(String allocationId, String caller) throws AssetException {
        Allocation current = book.get(allocationId);
        if (current == null || current.state() != Allocation.State.ACTIVE) {
            throw new AssetException("no active allocation " + allocationId);
        }
        if (!current.owner().equals(caller)) {
            throw new AssetException("allocation " + allocationId + " is not " + caller + "'s");
        }
        return current;
    }

    @Override
    public Optional<Allocation> find(String allocationId) {
        return Optional.ofNullable(book.get(allocationId));
    }

    @Override
    public List<Allocation> allocations() {
        return book.values().stream().filter(a -> a.state() == Allocation.State.ACTIVE).toList();
    }

    /**
     * Moves to a new adapter (a restarted storage asset) and re-reserves the
     * active allocations in it, as the real registry does after a restart.
     */
    void restartWith(AssetAdapter next) throws AssetException {
        adapter = next;
        for (Allocation allocation : allocations()) {
            next.allocate(allocation.id(), allocation.amount());
        }
    }
}
