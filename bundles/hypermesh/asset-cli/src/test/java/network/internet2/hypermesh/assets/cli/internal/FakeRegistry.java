package network.internet2.hypermesh.assets.cli.internal;

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
 * A hand-written registry for the command tests, following the contract of
 * {@link AssetRegistry}: fixed capacities, no overcommit, ended allocations kept
 * for {@link #find}. It records changing calls and numbers ids {@code a1}, {@code a2}, ….
 */
final class FakeRegistry implements AssetRegistry {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    final Map<String, Capacity> capacities = new LinkedHashMap<>();
    final Map<String, Allocation> allocations = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    private int next = 1;

    FakeRegistry() {
        capacities.put("memory", new Capacity(1L << 30, "bytes"));
        capacities.put("cpu", new Capacity(2000, "millicores"));
        capacities.put("vm", new Capacity(1L << 28, "bytes"));
    }

    @Override
    public List<AssetKind> kinds() {
        return capacities.entrySet().stream().map(entry -> new AssetKind(entry.getKey(), entry.getValue(),
                allocations().stream().filter(a -> a.kind().equals(entry.getKey())).mapToLong(Allocation::amount)
                        .sum())).toList();
    }

    @Override
    public Allocation allocate(String kind, long amount, Duration lease, String owner) throws AssetException {
        calls.add("allocate " + kind + " " + amount + " " + lease.toSeconds() + " " + owner);
        Capacity capacity = capacities.get(kind);
        if (capacity == null) {
            throw new UnknownAssetKindException(kind);
        }
        long free = capacity.total() - kinds().stream().filter(k -> k.kind().equals(kind)).findFirst()
                .orElseThrow().allocated();
        if (amount > free) {
            throw new InsufficientCapacityException(kind, amount, free);
        }
        String id = "a" + next++;
        Allocation granted = new Allocation(id, kind, amount, owner, NOW.plus(lease), address(next), State.ACTIVE,
                null);
        allocations.put(id, granted);
        return granted;
    }

    @Override
    public Allocation renew(String allocationId, Duration lease, String caller) throws AssetException {
        throw new AssetException("not used by the commands");
    }

    @Override
    public void release(String allocationId, String caller) throws AssetException {
        calls.add("release " + allocationId + " " + caller);
        Allocation allocation = allocations.get(allocationId);
        if (allocation == null || allocation.state() != State.ACTIVE) {
            throw new AssetException("cannot release allocation " + allocationId);
        }
        end(allocation, State.RELEASED, "released by " + caller);
    }

    @Override
    public Optional<Allocation> find(String allocationId) {
        return Optional.ofNullable(allocations.get(allocationId));
    }

    @Override
    public List<Allocation> allocations() {
        return allocations.values().stream().filter(a -> a.state() == State.ACTIVE).toList();
    }

    void end(Allocation allocation, State state, String reason) {
        allocations.put(allocation.id(), new Allocation(allocation.id(), allocation.kind(), allocation.amount(),
                allocation.owner(), allocation.leaseExpiry(), allocation.proxyAddress(), state, reason));
    }

    /** @return a granted allocation, for tests that need one to be there */
    Allocation granted(String kind, long amount, String owner) throws AssetException {
        Allocation granted = allocate(kind, amount, Duration.ofHours(1), owner);
        calls.clear();
        return granted;
    }

    private static Inet6Address address(int n) {
        try {
            return (Inet6Address) InetAddress.getByName("fd3c:1a2b:3c4d::" + Integer.toHexString(n));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
