package network.internet2.hypermesh.vm.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.cpu.CpuBudget;
import network.internet2.hypermesh.cpu.CpuBudgetExceededException;
import network.internet2.hypermesh.vm.VmResult;
import network.internet2.hypermesh.vm.VmResult.Outcome;

/**
 * Where runs take place and how long they are waited for. Without a CPU
 * allocation a run gets a daemon thread of the adapter, with a
 * {@value #STACK_BYTES}-byte stack for deep recursion; with one, it runs on
 * the CPU allocation's thread through its {@link CpuBudget}, which holds it
 * to the allocation's share. Either way at most {@code max.concurrent.runs}
 * runs take place at once: a run holds a {@link Slot} from before its module
 * is parsed until its thread is done with it.
 *
 * <p>The meter stops a run at its wall-clock limit by itself; this runner is
 * the backstop for a run blocked in a host call (a WASI sleep): shortly after
 * the limit it stops the run, interrupting its thread, and waits a grace
 * period for the thread to let go.
 */
final class VmRunner implements AutoCloseable {

    /** The stack of the adapter's run threads: about ten thousand nested WebAssembly calls. */
    static final long STACK_BYTES = 8L * 1024 * 1024;
    /** How long a stopped run's thread is waited for. */
    static final Duration GRACE = Duration.ofSeconds(5);
    /** How long after the wall-clock limit the runner stops a run the meter has not stopped. */
    static final long BACKSTOP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private static final Logger LOG = LoggerFactory.getLogger(VmRunner.class);

    private final ThreadPoolExecutor threads;
    private final Object slotsLock = new Object();
    private int slots;
    private boolean closed;

    VmRunner() {
        AtomicInteger count = new AtomicInteger();
        // bounded by the slots, not by the pool: a pool at its maximum refuses work for a moment after a run
        // ends, while the finished thread has not yet come back for more
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                work -> {
                    Thread thread = new Thread(null, work, "hypermesh-vm-" + count.incrementAndGet(), STACK_BYTES);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** A run's place among the concurrent runs; freeing it more than once does nothing. */
    final class Slot implements Runnable {
        private final AtomicBoolean freed = new AtomicBoolean();

        @Override
        public void run() {
            if (freed.compareAndSet(false, true)) {
                synchronized (slotsLock) {
                    slots--;
                    slotsLock.notifyAll();
                }
            }
        }
    }

    /**
     * Takes a run slot.
     *
     * @param max the most runs at once
     * @throws AssetException if {@code max} runs are under way or the runner is closed
     */
    Slot reserve(int max) throws AssetException {
        synchronized (slotsLock) {
            if (closed) {
                throw new AssetException("the VM asset adapter is stopping");
            }
            if (slots >= max) {
                throw new AssetException("this node already runs " + slots + " modules at once (the most "
                        + "max.concurrent.runs allows); try again when one has ended");
            }
            slots++;
        }
        return new Slot();
    }

    /** @return the runs under way */
    int running() {
        synchronized (slotsLock) {
            return slots;
        }
    }

    /**
     * Runs {@code run} and waits for its end.
     *
     * @param budget the CPU budget to run it in, or {@code null} for a thread of the adapter
     * @throws AssetException if the run could not start (the CPU allocation is gone or busy, the runner is
     *         closed), the caller was interrupted, or the VM allocation went away while it ran
     */
    VmResult run(ModuleRun run, CpuBudget budget) throws AssetException {
        if (budget == null) {
            runOnOwnThread(run);
        } else {
            runInBudget(run, budget);
        }
        return run.result();
    }

    private void runOnOwnThread(ModuleRun run) throws AssetException {
        try {
            threads.execute(run::execute);
        } catch (RejectedExecutionException stopping) {
            run.abandon();
            throw new AssetException("the VM asset adapter is stopping");
        }
        await(run, Math.max(0, run.nanosLeft()) + BACKSTOP_NANOS);
    }

    private void runInBudget(ModuleRun run, CpuBudget budget) throws AssetException {
        try {
            budget.run(() -> {
                run.execute();
                return null;
            }, run.wallClock(), null);
        } catch (CpuBudgetExceededException exceeded) {
            run.stop(exceeded.limit() == CpuBudgetExceededException.Limit.WALL_CLOCK ? Outcome.WALL_CLOCK_LIMIT
                    : Outcome.CPU_LIMIT, exceeded.getMessage(), false);
        } catch (AssetException refused) {
            if (run.abandon()) {
                throw refused;
            }
            // the CPU allocation was released (or its wait interrupted) while the module ran
            run.stop(Outcome.CPU_LIMIT, refused.getMessage(), false);
        } catch (ExecutionException failed) {
            // the run records what failed; its result reports it
            LOG.debug("The run in vm allocation '{}' failed in the host", run.allocationId(), failed.getCause());
        }
        await(run, 0);
    }

    private void await(ModuleRun run, long nanos) throws AssetException {
        try {
            if (!run.awaitEnd(nanos)) {
                run.stopAtWallClock();
                if (!run.awaitEnd(GRACE.toNanos())) {
                    LOG.warn("The module in vm allocation '{}' did not stop within {} of being stopped; its thread"
                            + " is left to end by itself and the allocation stays busy until it does. Report this "
                            + "as a bug of the VM adapter (the interpreter should stop at its next checkpoint).",
                            run.allocationId(), GRACE);
                }
            }
        } catch (InterruptedException interrupted) {
            run.stop(Outcome.WALL_CLOCK_LIMIT, "the caller stopped waiting for the module", false);
            Thread.currentThread().interrupt();
            throw new AssetException("interrupted while waiting for the module in vm allocation '"
                    + run.allocationId() + "'; the module was stopped");
        }
    }

    /** Refuses new runs and waits (a bounded time) for those under way, which the caller has stopped. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + GRACE.toNanos();
        synchronized (slotsLock) {
            closed = true;
            try {
                for (long left = GRACE.toNanos(); slots > 0 && left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(slotsLock, left);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            if (slots > 0) {
                LOG.warn("{} module runs had not ended {} after the VM asset adapter stopped them; their threads "
                        + "end by themselves. Report this as a bug of the VM adapter.", slots, GRACE);
            }
        }
        threads.shutdownNow();
    }
}
