package network.internet2.hypermesh.assets.internal;

import java.net.Inet6Address;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A NAT-like table from proxy addresses to the allocations behind them, which
 * remote access consults to know where a packet for an address should go.
 * Entries are added when an allocation is granted and removed when it ends.
 */
final class ProxyTable {

    /**
     * Where a proxy address leads.
     *
     * @param node         the node holding the allocation
     * @param allocationId the allocation
     */
    record Target(String node, String allocationId) {
    }

    private final Map<Inet6Address, Target> entries = new ConcurrentHashMap<>();

    /**
     * Maps {@code address} to an allocation.
     *
     * @throws IllegalStateException if the address already leads to another allocation
     */
    void add(Inet6Address address, String node, String allocationId) {
        Target target = new Target(node, allocationId);
        Target existing = entries.putIfAbsent(address, target);
        if (existing != null && !existing.equals(target)) {
            throw new IllegalStateException("proxy address " + address.getHostAddress()
                    + " already leads to allocation " + existing.allocationId() + " on " + existing.node());
        }
    }

    /** Removes the entry for {@code address} if it leads to {@code allocationId}. */
    void remove(Inet6Address address, String allocationId) {
        entries.computeIfPresent(address, (key, target) -> target.allocationId().equals(allocationId) ? null : target);
    }

    /** @return where {@code address} leads, if anywhere */
    Optional<Target> lookup(Inet6Address address) {
        return Optional.ofNullable(entries.get(address));
    }

    /** @return whether {@code address} is in use */
    boolean contains(Inet6Address address) {
        return entries.containsKey(address);
    }

    /** @return how many addresses are mapped */
    int size() {
        return entries.size();
    }
}
