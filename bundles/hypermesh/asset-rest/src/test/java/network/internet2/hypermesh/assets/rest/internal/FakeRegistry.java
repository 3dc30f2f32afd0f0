package network.internet2.hypermesh.assets.rest.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.Allocation.State;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.Capacity;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.asset.UnknownAssetKindException;

/**
 * A hand-written registry for the endpoint tests, following the contract of
 * {@link AssetRegistry}: kinds with fixed capacities, no overcommit, a maximum
 * lease, ended allocations kept for {@link #find}. It records every call that
 * changes something, numbers ids {@code a1}, {@code a2}, … and throws
 * {@link #failure} when one is set.
 */
final class FakeRegistry implements AssetRegistry {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final Duration MAX_LEASE = Duration.ofDays(1);

    final Map<String, Capacity> capacities = new LinkedHashMap<>();
    final Map<String, Allocation> allocations = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    RuntimeException failure;
    private int next = 1;

    FakeRegistry() {
        capacities.put("memory", new Capacity(1L << 30, "bytes"));
        capacities.put("cpu", new Capacity(2000, "millicores"));
        capacities.put("vm", new Capacity(1L << 28, "bytes"));
    }

    @Override
    public List<AssetKind> kinds() {
        fail();
        return capacities.entrySet().stream().map(entry -> new AssetKind(entry.getKey(), entry.getValue(),
                allocated(entry.getKey()))).toList();
    }

    @Override
    public Allocation allocate(String kind, long amount, Duration lease, String owner) throws AssetException {
        fail();
        calls.add("allocate " + kind + " " + amount + " " + lease.toSeconds() + " " + owner);
        Capacity capacity = capacities.get(kind);
        if (capacity == null) {
            throw new UnknownAssetKindException(kind);
        }
        checkLease(lease);
        long free = capacity.total() - allocated(kind);
        if (amount > free) {
            throw new InsufficientCapacityException(kind, amount, free);
        }
        String id = "a" + next++;
        Allocation granted = new Allocation(id, kind, amount, owner, NOW.plus(lease), address(next),
                State.ACTIVE, null);
        allocations.put(id, granted);
        return granted;
    }

    @Override
    public Allocation renew(String allocationId, Duration lease, String caller) throws AssetException {
        fail();
        calls.add("renew " + allocationId + " " + lease.toSeconds() + " " + caller);
        checkLease(lease);
        Allocation current = active(allocationId, "renew");
        Allocation renewed = new Allocation(current.id(), current.kind(), current.amount(), current.owner(),
                NOW.plus(lease), current.proxyAddress(), State.ACTIVE, null);
        allocations.put(allocationId, renewed);
        return renewed;
    }

    @Override
    public void release(String allocationId, String caller) throws AssetException {
        fail();
        calls.add("release " + allocationId + " " + caller);
        end(active(allocationId, "release"), State.RELEASED, "released by " + caller);
    }

    @Override
    public Optional<Allocation> find(String allocationId) {
        fail();
        return Optional.ofNullable(allocations.get(allocationId));
    }

    @Override
    public List<Allocation> allocations() {
        fail();
        return allocations.values().stream().filter(allocation -> allocation.state() == State.ACTIVE).toList();
    }

    /** Ends an allocation as the registry would on expiry or adapter removal. */
    void end(Allocation allocation, State state, String reason) {
        allocations.put(allocation.id(), new Allocation(allocation.id(), allocation.kind(), allocation.amount(),
                allocation.owner(), allocation.leaseExpiry(), allocation.proxyAddress(), state, reason));
    }

    /** @return a granted allocation, for tests that need one to be there */
    Allocation granted(String kind, long amount) throws AssetException {
        Allocation granted = allocate(kind, amount, Duration.ofHours(1), Allocation.LOCAL_OPERATOR);
        calls.clear();
        return granted;
    }

    private Allocation active(String allocationId, String action) throws AssetException {
        Allocation allocation = allocations.get(allocationId);
        if (allocation == null) {
            throw new AssetException("cannot " + action + " allocation " + allocationId + ": no such allocation");
        }
        if (allocation.state() != State.ACTIVE) {
            throw new AssetException("cannot " + action + " allocation " + allocationId + ": it already ended");
        }
        return allocation;
    }

    private static void checkLease(Duration lease) throws AssetException {
        if (lease.compareTo(MAX_LEASE) > 0) {
            throw new AssetException("the lease of " + lease + " is longer than the maximum of " + MAX_LEASE
                    + "; ask for a shorter lease and renew it");
        }
    }

    private long allocated(String kind) {
        return allocations().stream().filter(allocation -> allocation.kind().equals(kind))
                .mapToLong(Allocation::amount).sum();
    }

    private void fail() {
        if (failure != null) {
            throw failure;
        }
    }

    private static Inet6Address address(int n) {
        try {
            return (Inet6Address) InetAddress.getByName("fd3c:1a2b:3c4d::" + Integer.toHexString(n));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
