package network.internet2.hypermesh.cpu.internal;

import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.cpu.CpuBudget;
import network.internet2.hypermesh.cpu.CpuBudgetExceededException;

/**
 * The budget of one CPU allocation: runs work on the allocation's own daemon
 * threads and holds each run to its part of the share with a token bucket of
 * CPU time, filled at {@code millicores / 1000 / concurrent runs} nanoseconds
 * per wall nanosecond up to {@link #BURST_NANOS}, drained by the CPU time the
 * run's thread uses, as sampled at its {@link #checkpoint()}s. A run in debt
 * sleeps until the bucket is full enough again.
 */
final class AllocationBudget implements CpuBudget {

    /** The CPU time a run may use ahead of its share. */
    static final long BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How often, at most, a checkpoint samples the thread's CPU time. */
    static final long SAMPLE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** The shortest pause of a throttled run. */
    private static final long MIN_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    /** The most runs of one allocation under way at once. */
    static final int MAX_CONCURRENT_RUNS = 32;

    private final String id;
    private final long millicores;
    private final ThreadMXBean threads;
    private final boolean measured;
    private final ThreadPoolExecutor executor;
    private final ThreadLocal<Run> current = new ThreadLocal<>();
    private final Set<FutureTask<?>> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private final LongAdder cpuNanos = new LongAdder();
    private volatile boolean released;

    /**
     * @param id         the allocation's id
     * @param millicores its share, positive
     * @param threads    the platform's thread bean
     * @param measured   whether the current thread's CPU time can be read
     */
    AllocationBudget(String id, long millicores, ThreadMXBean threads, boolean measured) {
        this.id = id;
        this.millicores = millicores;
        this.threads = threads;
        this.measured = measured;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, MAX_CONCURRENT_RUNS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), work -> {
                    Thread thread = new Thread(work, "hypermesh-cpu-" + id + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public String allocationId() {
        return id;
    }

    @Override
    public long millicores() {
        return millicores;
    }

    @Override
    public Duration cpuTime() {
        return Duration.ofNanos(cpuNanos.sum());
    }

    /** @return the runs under way now */
    int activeRuns() {
        return active.get();
    }

    boolean released() {
        return released;
    }

    @Override
    public <T> T run(Callable<T> work, Duration wallClockLimit, Duration cpuTimeLimit)
            throws AssetException, ExecutionException {
        if (work == null) {
            throw new IllegalArgumentException("no work to run");
        }
        long wallNanos = positiveNanos(wallClockLimit, "wall-clock limit");
        long cpuLimitNanos = cpuTimeLimit == null ? Long.MAX_VALUE : positiveNanos(cpuTimeLimit, "CPU-time limit");
        if (released) {
            throw releasedException();
        }
        long start = System.nanoTime();
        Run run = new Run(saturatedAdd(start, wallNanos), cpuLimitNanos);
        FutureTask<T> task = new FutureTask<>(() -> execute(run, work));
        running.add(task);
        try {
            if (released) {
                throw releasedException();
            }
            try {
                executor.execute(task);
            } catch (RejectedExecutionException rejected) {
                if (released) {
                    throw releasedException();
                }
                throw new AssetException("CPU allocation '" + id + "' already has " + MAX_CONCURRENT_RUNS
                        + " runs under way");
            }
            try {
                return task.get(wallNanos, TimeUnit.NANOSECONDS);
            } catch (TimeoutException late) {
                run.timedOut = true;
                task.cancel(true);
                throw wallClockExceeded(wallClockLimit);
            } catch (CancellationException cancelled) {
                if (released) {
                    throw releasedException();
                }
                throw new AssetException("the run in CPU allocation '" + id + "' was cancelled");
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (cause != null && cause == run.stop) {
                    throw run.stop;
                }
                if (released) {
                    throw releasedException();
                }
                throw failed;
            } catch (InterruptedException interrupted) {
                task.cancel(true);
                Thread.currentThread().interrupt();
                throw new AssetException("interrupted while waiting for the run in CPU allocation '" + id + "'");
            }
        } finally {
            running.remove(task);
        }
    }

    private <T> T execute(Run run, Callable<T> work) throws Exception {
        current.set(run);
        active.incrementAndGet();
        run.begin();
        try {
            if (released) {
                throw run.stop(releasedException());
            }
            return work.call();
        } finally {
            if (measured) {
                cpuNanos.add(Math.max(0, cpuNow() - run.startCpu));
            }
            active.decrementAndGet();
            current.remove();
        }
    }

    @Override
    public void checkpoint() throws AssetException {
        Run run = current.get();
        if (run == null) {
            throw new IllegalStateException("checkpoint() of CPU allocation '" + id
                    + "' called outside a run of it");
        }
        run.checkpoint();
    }

    /** Ends the budget: no more runs, and the running ones are interrupted. */
    void release() {
        released = true;
        for (FutureTask<?> task : running) {
            task.cancel(true);
        }
        executor.shutdownNow();
    }

    private long cpuNow() {
        return threads.getCurrentThreadCpuTime();
    }

    private AssetException releasedException() {
        return new AssetException("CPU allocation '" + id + "' was released");
    }

    private CpuBudgetExceededException wallClockExceeded(Duration limit) {
        return new CpuBudgetExceededException(CpuBudgetExceededException.Limit.WALL_CLOCK,
                "the run in CPU allocation '" + id + "' reached its wall-clock limit of " + limit);
    }

    private static long positiveNanos(Duration limit, String what) {
        Objects.requireNonNull(limit, what);
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, got " + limit);
        }
        try {
            return limit.toNanos();
        } catch (ArithmeticException huge) {
            return Long.MAX_VALUE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** One run; its fields other than the flags are used by its own thread only. */
    private final class Run {

        final long deadline;
        final long cpuLimit;
        volatile boolean timedOut;
        volatile AssetException stop;
        long startCpu;
        long lastCpu;
        long lastSample;
        long tokens = BURST_NANOS;

        Run(long deadline, long cpuLimit) {
            this.deadline = deadline;
            this.cpuLimit = cpuLimit;
        }

        void begin() {
            lastSample = System.nanoTime();
            startCpu = measured ? cpuNow() : 0;
            lastCpu = startCpu;
        }

        void checkpoint() throws AssetException {
            long now = System.nanoTime();
            stopIfEnded(now);
            if (!measured || now - lastSample < SAMPLE_INTERVAL_NANOS) {
                return;
            }
            sample(now);
            // bounded: every pause fills the bucket, and the deadline ends the loop
            while (tokens < 0) {
                double rate = rate();
                long pause = Math.max(MIN_PAUSE_NANOS, (long) Math.ceil(-tokens / rate));
                long left = deadline - now;
                if (left <= 0) {
                    stopIfEnded(deadline);
                }
                pause = Math.min(pause, left);
                try {
                    Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                now = System.nanoTime();
                stopIfEnded(now);
                sample(now);
            }
        }

        private double rate() {
            return millicores / 1000.0 / Math.max(1, active.get());
        }

        private void sample(long now) throws AssetException {
            long cpu = cpuNow();
            long usedNow = Math.max(0, cpu - lastCpu);
            long credit = (long) (rate() * (now - lastSample));
            tokens = Math.min(BURST_NANOS, tokens + credit) - usedNow;
            lastCpu = cpu;
            lastSample = now;
            if (cpuLimit != Long.MAX_VALUE && cpu - startCpu >= cpuLimit) {
                throw stop(new CpuBudgetExceededException(CpuBudgetExceededException.Limit.CPU_TIME,
                        "the run in CPU allocation '" + id + "' reached its CPU-time limit of "
                                + Duration.ofNanos(cpuLimit)));
            }
        }

        private void stopIfEnded(long now) throws AssetException {
            if (released) {
                throw stop(releasedException());
            }
            if (timedOut || now - deadline >= 0) {
                throw stop(new CpuBudgetExceededException(CpuBudgetExceededException.Limit.WALL_CLOCK,
                        "the run in CPU allocation '" + id + "' reached its wall-clock limit"));
            }
            if (Thread.currentThread().isInterrupted()) {
                throw stop(new AssetException("the run in CPU allocation '" + id + "' was interrupted"));
            }
        }

        AssetException stop(AssetException reason) {
            if (stop == null) {
                stop = reason;
            }
            return stop;
        }
    }
}
