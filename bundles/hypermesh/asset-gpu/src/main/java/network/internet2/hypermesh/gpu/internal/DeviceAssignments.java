package network.internet2.hypermesh.gpu.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.gpu.GpuDevice;

/**
 * Which whole GPUs each allocation holds. A GPU is held by one allocation at
 * most (by UUID), so an allocation of N gets N GPUs no other allocation has,
 * lowest index first; asking for more than are free is refused.
 */
final class DeviceAssignments {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceAssignments.class);

    private final Map<String, List<GpuDevice>> held = new HashMap<>();
    private boolean closed;

    /**
     * Gives an allocation {@code count} GPUs of {@code inventory} that no allocation holds.
     *
     * @return the GPUs it now holds, by index
     * @throws InsufficientCapacityException if fewer are free
     * @throws AssetException if the id is blank or taken, or the count is not positive
     */
    synchronized List<GpuDevice> assign(String id, long count, List<GpuDevice> inventory) throws AssetException {
        if (closed) {
            throw new AssetException("the GPU adapter is stopping; allocate again once it is back");
        }
        if (id == null || id.isBlank()) {
            throw new AssetException("a GPU allocation needs an id");
        }
        if (count <= 0) {
            throw new AssetException("GPU allocation '" + id + "' must be of at least one device, got " + count);
        }
        if (held.containsKey(id)) {
            throw new AssetException("GPU allocation '" + id + "' already exists");
        }
        List<GpuDevice> free = free(inventory);
        if (count > free.size()) {
            throw new InsufficientCapacityException(GpuAssetAdapter.KIND, count, free.size());
        }
        List<GpuDevice> devices = List.copyOf(free.subList(0, (int) count));
        held.put(id, devices);
        LOG.debug("GPU allocation '{}' holds {}", id, devices);
        return devices;
    }

    /** @return whether an allocation had this id; its GPUs are free again */
    synchronized boolean contains(String id) {
        return held.containsKey(id);
    }

    synchronized boolean release(String id) {
        List<GpuDevice> devices = id == null ? null : held.remove(id);
        if (devices != null) {
            LOG.debug("GPU allocation '{}' released {}", id, devices);
        }
        return devices != null;
    }

    /**
     * @return the GPUs the allocation holds
     * @throws AssetException if no allocation has this id
     */
    synchronized List<GpuDevice> devices(String id) throws AssetException {
        List<GpuDevice> devices = id == null ? null : held.get(id);
        if (devices == null) {
            throw new AssetException("no GPU allocation '" + id + "' (unknown or released)");
        }
        return devices;
    }

    /** @return the GPUs of {@code inventory} no allocation holds, in its order */
    synchronized List<GpuDevice> free(List<GpuDevice> inventory) {
        Set<String> taken = heldUuids();
        return inventory.stream().filter(device -> !taken.contains(device.uuid())).toList();
    }

    /** @return the held GPUs that {@code inventory} no longer has (after a rediscovery) */
    synchronized List<GpuDevice> missingFrom(List<GpuDevice> inventory) {
        Set<String> present = new HashSet<>();
        inventory.forEach(device -> present.add(device.uuid()));
        return held.values().stream().flatMap(List::stream).filter(device -> !present.contains(device.uuid()))
                .toList();
    }

    /** @return the number of GPUs held */
    synchronized long used() {
        return held.values().stream().mapToLong(List::size).sum();
    }

    /** @return the number of allocations */
    synchronized int count() {
        return held.size();
    }

    /** Releases every allocation; no more can be made. */
    synchronized void close() {
        closed = true;
        if (!held.isEmpty()) {
            LOG.info("Released {} GPU allocations holding {} GPUs", held.size(), used());
        }
        held.clear();
    }

    private Set<String> heldUuids() {
        Set<String> uuids = new HashSet<>();
        held.values().forEach(devices -> devices.forEach(device -> uuids.add(device.uuid())));
        return uuids;
    }
}
