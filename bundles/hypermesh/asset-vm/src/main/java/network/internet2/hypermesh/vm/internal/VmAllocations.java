package network.internet2.hypermesh.vm.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.InsufficientCapacityException;

/**
 * The VM allocations, one per allocation id, holding together never more
 * than the capacity given. Releasing one stops its running module.
 */
final class VmAllocations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VmAllocations.class);

    private final Map<String, VmAllocation> allocations = new ConcurrentHashMap<>();

    boolean contains(String id) {
        return allocations.containsKey(id);
    }
    private long used;
    private boolean closed;

    /**
     * Makes a new allocation.
     *
     * @param capacity the bytes offered in all
     * @throws InsufficientCapacityException if it would overcommit {@code capacity}
     * @throws AssetException if the id is blank or taken, or the amount is not a positive number of whole
     *         WebAssembly pages
     */
    synchronized void allocate(String id, long bytes, long capacity) throws AssetException {
        if (closed) {
            throw new AssetException("the VM asset adapter is stopping");
        }
        if (id == null || id.isBlank()) {
            throw new AssetException("a vm allocation needs an id");
        }
        if (bytes <= 0 || bytes % VmSettings.PAGE_BYTES != 0) {
            throw new AssetException("vm allocation '" + id + "' must be a positive multiple of "
                    + VmSettings.PAGE_BYTES + " bytes (one WebAssembly page), got " + bytes);
        }
        if (allocations.containsKey(id)) {
            throw new AssetException("vm allocation '" + id + "' already exists");
        }
        long available = Math.max(0, capacity - used);
        if (bytes > available) {
            throw new InsufficientCapacityException(VmAssetAdapter.KIND, bytes, available);
        }
        allocations.put(id, new VmAllocation(id, bytes));
        used += bytes;
        LOG.debug("Allocated {} bytes to vm allocation '{}'", bytes, id);
    }

    /**
     * Ends an allocation and stops its running module.
     *
     * @return whether an allocation had this id
     */
    boolean release(String id, String reason) {
        VmAllocation allocation;
        synchronized (this) {
            allocation = id == null ? null : allocations.remove(id);
            if (allocation == null) {
                return false;
            }
            used -= allocation.bytes();
        }
        allocation.end(reason);
        LOG.debug("Released vm allocation '{}' of {} bytes", id, allocation.bytes());
        return true;
    }

    /**
     * @return the allocation with this id
     * @throws AssetException if there is none
     */
    VmAllocation find(String id) throws AssetException {
        VmAllocation allocation = id == null ? null : allocations.get(id);
        if (allocation == null) {
            throw new AssetException("no vm allocation '" + id + "'");
        }
        return allocation;
    }

    /** @return the bytes allocated */
    synchronized long used() {
        return used;
    }

    /** @return the allocations whose module is running now */
    int modulesRunning() {
        return (int) allocations.values().stream().filter(VmAllocation::moduleRunning).count();
    }

    /** @return the allocations */
    int count() {
        return allocations.size();
    }

    /** Releases every allocation, stopping their modules; no more can be made. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        List<String> ids = List.copyOf(allocations.keySet());
        ids.forEach(id -> release(id, "vm allocation '" + id + "' ended: the VM asset adapter stopped"));
        if (!ids.isEmpty()) {
            LOG.info("Released {} vm allocations", ids.size());
        }
    }
}
