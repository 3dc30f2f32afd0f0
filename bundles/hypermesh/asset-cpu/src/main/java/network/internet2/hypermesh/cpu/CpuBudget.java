package network.internet2.hypermesh.cpu;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.osgi.annotation.versioning.ProviderType;

import network.internet2.hypermesh.asset.AssetException;

/**
 * Runs work inside the CPU share of one CPU allocation of {@link #millicores()}
 * millicores: a run may use {@code millicores / 1000} seconds of CPU time per
 * second of wall time (shared between the allocation's concurrent runs), plus a
 * small burst allowance.
 *
 * <p><b>Enforcement is cooperative.</b> The JVM cannot preempt a thread, so a
 * run is held to its share only where its work calls {@link #checkpoint()}:
 * there the budget samples the thread's CPU time (through
 * {@link java.lang.management.ThreadMXBean}) and sleeps while the run is ahead
 * of its share, and it stops the run with a {@link CpuBudgetExceededException}
 * once the run's CPU-time cap or wall-clock limit is reached. At the
 * wall-clock limit the run's thread is also interrupted and {@link #run} reports
 * the run as exceeded. Work that neither calls checkpoints nor honours
 * interruption is reported as exceeded but keeps its thread until it ends.
 * Releasing the allocation interrupts its running work.
 *
 * <p>Callers that meter their own work (such as a VM counting instructions)
 * should call {@link #checkpoint()} often, e.g. every few thousand
 * instructions; a checkpoint costs a clock read unless it is time to sample.
 */
@ProviderType
public interface CpuBudget {

    /** @return the id of the allocation */
    String allocationId();

    /** @return the allocation's share in millicores (1000 = one core) */
    long millicores();

    /** @return the CPU time used by the allocation's runs that have ended, as measured (zero if unmeasurable) */
    Duration cpuTime();

    /**
     * Runs {@code work} on a thread of the allocation, with no CPU-time cap.
     *
     * @see #run(Callable, Duration, Duration)
     */
    default <T> T run(Callable<T> work, Duration wallClockLimit) throws AssetException, ExecutionException {
        return run(work, wallClockLimit, null);
    }

    /**
     * Runs {@code work} on a thread of the allocation and waits for its result.
     *
     * @param work           what to run; it should call {@link #checkpoint()} regularly
     * @param wallClockLimit how long the run may take; at the limit its thread is interrupted
     * @param cpuTimeLimit   the most CPU time the run may use, or {@code null} for no cap
     * @return what the work returned
     * @throws CpuBudgetExceededException if the run reached its wall-clock limit or CPU-time cap
     * @throws AssetException if the allocation is released (before or while the work runs), too
     *         many runs of it are under way, or the caller is interrupted while waiting
     * @throws ExecutionException if the work threw; the cause is what it threw
     * @throws IllegalArgumentException if a limit is not positive or {@code work} is {@code null}
     */
    <T> T run(Callable<T> work, Duration wallClockLimit, Duration cpuTimeLimit)
            throws AssetException, ExecutionException;

    /**
     * A cooperative check point of the current run: it returns at once while
     * the run is within its share, sleeps while the run is ahead of it, and
     * stops the run when a limit is reached or the allocation is released.
     *
     * @throws CpuBudgetExceededException if the run's CPU-time cap or wall-clock limit is reached
     * @throws AssetException if the allocation was released or the run's thread was interrupted
     * @throws IllegalStateException if the calling thread is not running work of this budget
     */
    void checkpoint() throws AssetException;
}
