package network.internet2.itests.hotdeploy;

import java.util.HashMap;
import java.util.Map;

import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.Capacity;
import network.internet2.hypermesh.asset.InsufficientCapacityException;

/**
 * Widgets as an asset, for the hot-deploy test: a fixed number of them, and a
 * real record of which allocation holds how many, never more than there are.
 */
public final class WidgetAdapter implements AssetAdapter {

    public static final String KIND = "widget";
    public static final String UNIT = "widgets";

    private final long capacity;
    private final Map<String, Long> held = new HashMap<>();

    public WidgetAdapter(long capacity) {
        this.capacity = capacity;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Capacity capacity() {
        return new Capacity(capacity, UNIT);
    }

    @Override
    public synchronized void allocate(String allocationId, long amount) throws AssetException {
        if (allocationId == null || amount <= 0 || held.containsKey(allocationId)) {
            throw new AssetException("widget allocation '" + allocationId + "' of " + amount + " refused");
        }
        long free = capacity - usage();
        if (amount > free) {
            throw new InsufficientCapacityException(KIND, amount, free);
        }
        held.put(allocationId, amount);
    }

    @Override
    public synchronized void release(String allocationId) {
        held.remove(allocationId);
    }

    @Override
    public synchronized long usage() {
        return held.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public synchronized Health health() {
        return new Health(true, held.size() + " allocations hold " + usage() + " of " + capacity + " widgets");
    }

    /** @return how many widgets each allocation holds */
    public synchronized Map<String, Long> holdings() {
        return Map.copyOf(held);
    }
}
