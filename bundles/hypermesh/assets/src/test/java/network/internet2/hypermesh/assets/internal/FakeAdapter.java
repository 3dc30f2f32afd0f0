package network.internet2.hypermesh.assets.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.Capacity;

/** Test double: an adapter with a fixed capacity that records what it is asked. */
final class FakeAdapter implements AssetAdapter {

    private final String kind;
    private final long total;
    private final String unit;
    final Map<String, Long> reserved = new LinkedHashMap<>();
    final List<String> allocateCalls = new ArrayList<>();
    final List<String> releaseCalls = new ArrayList<>();
    String refuseWith;

    FakeAdapter(String kind, long total) {
        this(kind, total, "units");
    }

    FakeAdapter(String kind, long total, String unit) {
        this.kind = kind;
        this.total = total;
        this.unit = unit;
    }

    @Override
    public synchronized boolean holds(String allocationId) {
        return reserved.containsKey(allocationId);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Capacity capacity() {
        return new Capacity(total, unit);
    }

    @Override
    public synchronized void allocate(String allocationId, long amount) throws AssetException {
        allocateCalls.add(allocationId);
        if (refuseWith != null) {
            throw new AssetException(refuseWith);
        }
        reserved.put(allocationId, amount);
    }

    @Override
    public synchronized void release(String allocationId) {
        releaseCalls.add(allocationId);
        reserved.remove(allocationId);
    }

    @Override
    public synchronized long usage() {
        return reserved.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public Health health() {
        return new Health(true, "fake");
    }
}
