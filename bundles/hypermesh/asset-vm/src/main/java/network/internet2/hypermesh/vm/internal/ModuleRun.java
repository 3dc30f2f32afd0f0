package network.internet2.hypermesh.vm.internal;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExecutionCompletedException;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiPreview1;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.cpu.CpuBudget;
import network.internet2.hypermesh.cpu.CpuBudgetExceededException;
import network.internet2.hypermesh.vm.VmAccess;
import network.internet2.hypermesh.vm.VmRequest;
import network.internet2.hypermesh.vm.VmResult;
import network.internet2.hypermesh.vm.VmResult.Outcome;

/**
 * One run of a checked module in a VM allocation: instantiates it
 * ({@link SandboxInstance}) on the thread that calls {@link #execute()}, runs
 * {@code _start}, and records how it ended ({@link RunEnding}). Anyone may
 * {@link #stop} it: the reason is recorded (the first one wins) and the thread
 * interrupted; the meter's checkpoints and Chicory's own interruption checks
 * then unwind the interpreter.
 *
 * <p>A run ends once: by itself (exit, trap), by a stop, or by being
 * {@linkplain #abandon() abandoned} before it started. Its {@code onEnd}
 * callback then frees its allocation and run slot, before anyone waiting
 * learns it ended; so they stay taken while its thread is still busy, even if
 * the caller stopped waiting.
 */
final class ModuleRun {

    /**
     * Why a run was stopped.
     *
     * @param outcome        the outcome reported
     * @param detail         what a person should know
     * @param allocationGone whether the VM allocation went away, so the caller gets an exception instead
     */
    record Stop(Outcome outcome, String detail, boolean allocationGone) {
    }

    private enum State {
        NEW, RUNNING, ENDED
    }

    private final String allocationId;
    private final SandboxModule module;
    private final List<String> arguments;
    private final byte[] stdin;
    private final int capPages;
    private final CpuBudget budget;
    private final Random random;
    private final Runnable onEnd;
    private final Duration wallClock;
    private final long deadline;
    private final InstructionMeter meter;
    private final CappedOutput stdout = new CappedOutput(VmAccess.MAX_OUTPUT_BYTES);
    private final CappedOutput stderr = new CappedOutput(VmAccess.MAX_OUTPUT_BYTES);
    private final CountDownLatch ended = new CountDownLatch(1);
    private State state = State.NEW;
    private Thread runner;
    private volatile Stop stop;
    private volatile RunEnding ending;
    private volatile Error hostFailure;
    private final long createdNanos;
    private volatile long endNanos;

    /**
     * @param request   the request, for its arguments and standard input
     * @param capPages  the most pages of memory the allocation allows, at least the module's initial memory
     * @param limit     the instruction limit
     * @param wallClock the wall-clock limit, counted from now (instantiation included), as the elapsed time is
     * @param interval  instructions between checkpoints
     * @param budget    the CPU budget the run takes place in, or {@code null}
     * @param onEnd     called once when the run has ended
     */
    ModuleRun(String allocationId, SandboxModule module, VmRequest request, int capPages, long limit,
            Duration wallClock, int interval, CpuBudget budget, Random random, Runnable onEnd) {
        this.allocationId = allocationId;
        this.module = module;
        this.arguments = request.arguments();
        this.stdin = request.stdin();
        this.capPages = capPages;
        this.budget = budget;
        this.random = random;
        this.onEnd = onEnd;
        this.wallClock = wallClock;
        this.createdNanos = System.nanoTime();
        this.deadline = createdNanos + wallClock.toNanos();
        this.meter = new InstructionMeter(limit, interval, this::checkpoint, capPages, module.ownMaxPages());
    }

    /** Runs the module on the calling thread, unless it was stopped or abandoned before. */
    void execute() {
        if (!begin()) {
            return;
        }
        try {
            ending = stop != null ? RunEnding.byStop() : runModule();
        } catch (StackOverflowError overflow) {
            // the thread's own stack ran out in deep recursion: the module's fault, confined to this thread
            ending = RunEnding.trapped("call stack exhausted (the thread's stack overflowed)", meter, allocationId);
        } catch (Error fatal) {
            hostFailure = fatal;
            throw fatal;
        } finally {
            end();
        }
    }

    private RunEnding runModule() {
        try (WasiPreview1 wasi = SandboxInstance.wasi(arguments, stdin, stdout, stderr, random)) {
            SandboxInstance.instantiate(module, wasi, meter, capPages).export(SandboxModule.START).apply();
            return RunEnding.exited(0, "the module returned from " + SandboxModule.START, meter, allocationId);
        } catch (WasiExitException exit) {
            return RunEnding.exited(exit.exitCode(), "the module called proc_exit(" + exit.exitCode() + ")", meter,
                    allocationId);
        } catch (ExecutionCompletedException completed) {
            return RunEnding.exited(0, "the module called proc_exit(0)", meter, allocationId);
        } catch (RunStop stopped) {
            stop(stopped.outcome(), stopped.getMessage(), false);
            return RunEnding.byStop();
        } catch (RuntimeException failure) {
            if (stop != null || Thread.currentThread().isInterrupted() || RunEnding.isInterruption(failure)) {
                return RunEnding.byStop();
            }
            return RunEnding.trapped(RunEnding.describe(failure), meter, allocationId);
        }
    }

    /** The meter's checkpoint, every interval of instructions, on the run's thread. */
    private void checkpoint(MStack stack) {
        Stop requested = stop;
        if (requested != null) {
            throw new RunStop(requested.outcome(), requested.detail());
        }
        if (budget != null) {
            // first, as it knows why its thread may be interrupted (released, at its wall-clock limit)
            checkpointBudget();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new ChicoryInterruptedException("Thread interrupted");
        }
        if (System.nanoTime() - deadline >= 0) {
            throw new RunStop(Outcome.WALL_CLOCK_LIMIT, wallClockDetail());
        }
        if (8L * stack.size() > GuardedMachine.MAX_STACK_BYTES) {
            throw new TrapException("operand stack exhausted: " + stack.size() + " values");
        }
    }

    private void checkpointBudget() {
        try {
            budget.checkpoint();
        } catch (CpuBudgetExceededException exceeded) {
            throw new RunStop(exceeded.limit() == CpuBudgetExceededException.Limit.WALL_CLOCK
                    ? Outcome.WALL_CLOCK_LIMIT : Outcome.CPU_LIMIT, exceeded.getMessage());
        } catch (AssetException ended) {
            throw new RunStop(Outcome.CPU_LIMIT, ended.getMessage());
        }
    }

    /**
     * Stops the run: records why, unless a reason is recorded already, and interrupts its thread if it is
     * running. The reason counts only if the run did not end by itself (exit, trap): it may also explain an
     * interruption that ended the run before the reason was known, as when a CPU allocation is released.
     */
    void stop(Outcome outcome, String detail, boolean allocationGone) {
        synchronized (this) {
            if (stop == null) {
                stop = new Stop(outcome, detail, allocationGone);
            }
            if (state == State.RUNNING && runner != null && runner != Thread.currentThread()) {
                runner.interrupt();
            }
        }
    }

    /** Stops the run at its wall-clock limit. */
    void stopAtWallClock() {
        stop(Outcome.WALL_CLOCK_LIMIT, wallClockDetail(), false);
    }

    /**
     * Ends a run that has not started, so it never will.
     *
     * @return whether it had not started
     */
    boolean abandon() {
        synchronized (this) {
            if (state != State.NEW) {
                return false;
            }
            state = State.ENDED;
        }
        ending = RunEnding.byStop();
        onEnd.run();
        ended.countDown();
        return true;
    }

    /**
     * Waits for the run to end.
     *
     * @return whether it has ended
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitEnd(long nanos) throws InterruptedException {
        return ended.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** @return whether the module is running now (it has begun and not ended) */
    synchronized boolean running() {
        return state == State.RUNNING;
    }

    /** @return the nanoseconds until the wall-clock limit (negative once past) */
    long nanosLeft() {
        return deadline - System.nanoTime();
    }

    /** @return the wall-clock limit */
    Duration wallClock() {
        return wallClock;
    }

    /** @return the VM allocation's id */
    String allocationId() {
        return allocationId;
    }

    /**
     * @return how the run ended, as far as it has
     * @throws AssetException if the VM allocation went away while the module ran, or the host failed (an
     *         {@link Error} other than a stack overflow ended the run)
     */
    VmResult result() throws AssetException {
        Error failure = hostFailure;
        if (failure != null) {
            throw new AssetException("the host failed while running the module in vm allocation '" + allocationId
                    + "': " + failure, failure);
        }
        RunEnding end = ending;
        long executed = meter.executed();
        if (end != null && !end.stopped()) {
            return result(end.outcome(), end.exitCode(), end.detail(), executed);
        }
        Stop why = stop;
        if (why == null) {
            why = new Stop(Outcome.WALL_CLOCK_LIMIT, "the run was interrupted", false);
        }
        if (why.allocationGone()) {
            throw new AssetException(why.detail() + "; the module was stopped after " + executed + " instructions");
        }
        return result(why.outcome(), -1, why.detail(), executed);
    }

    /** The elapsed time counts from the run's creation, as its wall-clock limit does. */
    private VmResult result(Outcome outcome, int exitCode, String detail, long executed) {
        long finish = endNanos != 0 ? endNanos : System.nanoTime();
        Duration elapsed = Duration.ofNanos(Math.max(0, finish - createdNanos));
        return new VmResult(outcome, exitCode, stdout.bytes(), stderr.bytes(),
                stdout.truncated() || stderr.truncated(), executed, elapsed, detail);
    }

    private synchronized boolean begin() {
        if (state != State.NEW) {
            return false;
        }
        state = State.RUNNING;
        runner = Thread.currentThread();
        return true;
    }

    private void end() {
        endNanos = System.nanoTime();
        synchronized (this) {
            state = State.ENDED;
            runner = null;
        }
        // an interrupt meant for this run must not reach the thread's next task
        Thread.interrupted();
        // free the allocation before anyone learns the run ended, so its caller can run the next module at once
        onEnd.run();
        ended.countDown();
    }

    private String wallClockDetail() {
        return "the module ran out of its wall-clock limit of " + wallClock;
    }
}
