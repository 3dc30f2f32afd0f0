package network.internet2.hypermesh.cpu.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.cpu.CpuBudget;

/**
 * The budgets of the CPU allocations, one per allocation id. Allocating never
 * overcommits the capacity given; releasing ends the allocation's running work
 * by interrupting it.
 */
final class CpuBudgets implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CpuBudgets.class);

    private final Map<String, AllocationBudget> budgets = new ConcurrentHashMap<>();

    boolean contains(String id) {
        return budgets.containsKey(id);
    }
    private final ThreadMXBean threads;
    private final boolean measured;
    private long used;
    private boolean closed;

    CpuBudgets() {
        this(ManagementFactory.getThreadMXBean());
    }

    CpuBudgets(ThreadMXBean threads) {
        this.threads = threads;
        boolean supported = threads.isCurrentThreadCpuTimeSupported();
        if (supported && !threads.isThreadCpuTimeEnabled()) {
            try {
                threads.setThreadCpuTimeEnabled(true);
            } catch (UnsupportedOperationException | SecurityException refused) {
                LOG.warn("Cannot enable thread CPU time measurement: {}", refused.toString());
            }
        }
        this.measured = supported && threads.isThreadCpuTimeEnabled();
        if (!measured) {
            LOG.warn("This JVM cannot measure thread CPU time: CPU budgets enforce wall-clock limits only");
        }
    }

    /** @return whether thread CPU time is measured, so shares are enforced */
    boolean measured() {
        return measured;
    }

    /**
     * Makes the budget of a new allocation.
     *
     * @param capacity the millicores offered in all
     * @throws InsufficientCapacityException if it would overcommit {@code capacity}
     * @throws AssetException if the id is blank or taken, or the amount is not positive
     */
    synchronized AllocationBudget allocate(String id, long millicores, long capacity) throws AssetException {
        if (closed) {
            throw new AssetException("the CPU budgets are closed");
        }
        if (id == null || id.isBlank()) {
            throw new AssetException("a CPU allocation needs an id");
        }
        if (millicores <= 0) {
            throw new AssetException("CPU allocation '" + id + "' must be positive, got " + millicores);
        }
        if (budgets.containsKey(id)) {
            throw new AssetException("CPU allocation '" + id + "' already exists");
        }
        long available = Math.max(0, capacity - used);
        if (millicores > available) {
            throw new InsufficientCapacityException(CpuAssetAdapter.KIND, millicores, available);
        }
        AllocationBudget budget = new AllocationBudget(id, millicores, threads, measured);
        budgets.put(id, budget);
        used += millicores;
        LOG.debug("Allocated {} millicores to CPU allocation '{}'", millicores, id);
        return budget;
    }

    /**
     * Releases an allocation and interrupts its running work.
     *
     * @return whether an allocation had this id
     */
    boolean release(String id) {
        AllocationBudget budget;
        synchronized (this) {
            budget = id == null ? null : budgets.remove(id);
            if (budget == null) {
                return false;
            }
            used -= budget.millicores();
        }
        budget.release();
        LOG.debug("Released CPU allocation '{}' of {} millicores", id, budget.millicores());
        return true;
    }

    /**
     * @return the budget of the allocation
     * @throws AssetException if no allocation has this id
     */
    CpuBudget budget(String id) throws AssetException {
        AllocationBudget budget = id == null ? null : budgets.get(id);
        if (budget == null) {
            throw new AssetException("no CPU allocation '" + id + "'");
        }
        return budget;
    }

    /** @return the millicores allocated */
    synchronized long used() {
        return used;
    }

    /** @return the allocations */
    int count() {
        return budgets.size();
    }

    /** @return the runs under way in all allocations */
    int activeRuns() {
        return budgets.values().stream().mapToInt(AllocationBudget::activeRuns).sum();
    }

    /** Releases every allocation; no more can be made. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        List<String> ids = List.copyOf(budgets.keySet());
        ids.forEach(this::release);
        if (!ids.isEmpty()) {
            LOG.info("Released {} CPU allocations", ids.size());
        }
    }
}
