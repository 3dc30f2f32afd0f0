package network.internet2.hypermesh.vm.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.vm.VmResult.Outcome;

/**
 * One VM allocation: a memory cap in whole WebAssembly pages, and at most one
 * run at a time. Releasing it stops its run.
 */
final class VmAllocation {

    private final String id;
    private final long bytes;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile ModuleRun current;
    private volatile String endReason;

    VmAllocation(String id, long bytes) {
        this.id = id;
        this.bytes = bytes;
    }

    String id() {
        return id;
    }

    /** @return the memory cap in bytes */
    long bytes() {
        return bytes;
    }

    /** @return the memory cap in pages */
    int capPages() {
        return (int) (bytes / VmSettings.PAGE_BYTES);
    }

    /**
     * Takes the allocation for one run.
     *
     * @throws AssetException if it is running a module, or has been released
     */
    void claim() throws AssetException {
        if (!busy.compareAndSet(false, true)) {
            throw new AssetException("vm allocation '" + id + "' is already running a module; wait for it to end");
        }
        if (endReason != null) {
            busy.set(false);
            throw new AssetException(endReason);
        }
    }

    /**
     * Makes {@code run} the claimed allocation's run, so a release stops it.
     *
     * @throws AssetException if the allocation was released meanwhile
     */
    void attach(ModuleRun run) throws AssetException {
        current = run;
        String reason = endReason;
        if (reason != null) {
            current = null;
            throw new AssetException(reason);
        }
    }

    /** Frees the allocation for its next run. */
    void finish() {
        current = null;
        busy.set(false);
    }

    /** @return whether a module is running in it now */
    boolean moduleRunning() {
        ModuleRun run = current;
        return run != null && run.running();
    }

    /** Ends the allocation: no more runs, and the running one is stopped, its caller told {@code reason}. */
    void end(String reason) {
        endReason = reason;
        ModuleRun run = current;
        if (run != null) {
            // the outcome is never reported: with the allocation gone, its caller gets an AssetException
            run.stop(Outcome.CPU_LIMIT, reason, true);
        }
    }
}
