package network.internet2.hypermesh.cpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.After;
import org.junit.Assume;
import org.junit.Test;

import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.cpu.CpuBudget;
import network.internet2.hypermesh.cpu.CpuBudgetExceededException;

public class CpuAssetAdapterTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuAssetAdapter adapter;
    private ExecutorService callers;

    /** An adapter offering {@code millicores} (4 processors, fraction 1, the rest capped). */
    private CpuAssetAdapter adapter(long millicores) {
        adapter = new CpuAssetAdapter(new CpuBudgets(),
                new CpuCapacity(1, millicores, Path.of("/nonexistent/cpu.max"), () -> 4));
        return adapter;
    }

    @After
    public void deactivate() {
        if (adapter != null) {
            adapter.deactivate();
        }
        if (callers != null) {
            callers.shutdownNow();
        }
    }

    /** Burns CPU for a while without allocating. */
    private static long spin(long rounds) {
        long x = 17;
        for (long i = 0; i < rounds; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    @Test
    public void isTheCpuKindInMillicores() {
        AssetAdapter cpu = adapter(2000);
        assertEquals("cpu", cpu.kind());
        assertEquals("millicores", cpu.capacity().unit());
        assertEquals(2000, cpu.capacity().total());
        assertEquals(0, cpu.usage());
        assertTrue(cpu.health().detail(), cpu.health().healthy());
        assertFalse(adapter(0).health().healthy());
    }

    @Test
    public void allocatesWithoutOvercommitting() throws Exception {
        CpuAssetAdapter cpu = adapter(1000);
        cpu.allocate("a", 600);
        assertEquals(600, cpu.usage());
        InsufficientCapacityException refused = assertThrows(InsufficientCapacityException.class,
                () -> cpu.allocate("b", 500));
        assertTrue(refused.getMessage(), refused.getMessage().contains("400"));
        cpu.allocate("b", 400);
        assertEquals(1000, cpu.usage());
        assertThrows(InsufficientCapacityException.class, () -> cpu.allocate("c", 1));
        assertThrows(AssetException.class, () -> cpu.allocate("a", 1));
        assertThrows(AssetException.class, () -> cpu.allocate("d", 0));
        assertThrows(AssetException.class, () -> cpu.allocate("d", -5));
        assertThrows(AssetException.class, () -> cpu.allocate(" ", 1));
        assertThrows(AssetException.class, () -> cpu.allocate(null, 1));
        assertEquals(1000, cpu.usage());
        cpu.release("a");
        assertEquals(400, cpu.usage());
        cpu.release("a");
        cpu.release("never");
        cpu.release(null);
        assertEquals(400, cpu.usage());
        cpu.allocate("c", 600);
        CpuBudget budget = cpu.budget("c");
        assertEquals("c", budget.allocationId());
        assertEquals(600, budget.millicores());
    }

    @Test
    public void unknownIdsAreClearErrors() throws Exception {
        CpuAssetAdapter cpu = adapter(1000);
        AssetException unknown = assertThrows(AssetException.class, () -> cpu.budget("ghost"));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("'ghost'"));
        assertThrows(AssetException.class, () -> cpu.budget(null));
        cpu.allocate("gone", 100);
        CpuBudget budget = cpu.budget("gone");
        cpu.release("gone");
        assertThrows(AssetException.class, () -> cpu.budget("gone"));
        AssetException released = assertThrows(AssetException.class,
                () -> budget.run(() -> 1, Duration.ofSeconds(1)));
        assertTrue(released.getMessage(), released.getMessage().contains("'gone'")
                && released.getMessage().contains("released"));
    }

    @Test
    public void runsWorkAndReportsItsFailures() throws Exception {
        CpuAssetAdapter cpu = adapter(1000);
        cpu.allocate("w", 500);
        CpuBudget budget = cpu.budget("w");
        AtomicReference<String> thread = new AtomicReference<>();
        assertEquals(Integer.valueOf(42), budget.run(() -> {
            thread.set(Thread.currentThread().getName());
            budget.checkpoint();
            return 42;
        }, Duration.ofSeconds(5)));
        assertTrue(thread.get(), thread.get().startsWith("hypermesh-cpu-w-"));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> budget.run(() -> {
            throw new IllegalStateException("boom");
        }, Duration.ofSeconds(5)));
        assertEquals("boom", failed.getCause().getMessage());
        assertThrows(IllegalStateException.class, budget::checkpoint);
        assertThrows(IllegalArgumentException.class, () -> budget.run(() -> 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> budget.run(() -> 1, Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> budget.run(() -> 1, Duration.ofSeconds(1),
                Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> budget.run(null, Duration.ofSeconds(1)));
    }

    @Test(timeout = 20_000)
    public void aQuarterCoreBudgetThrottlesABusyLoop() throws Exception {
        Assume.assumeTrue(THREADS.isCurrentThreadCpuTimeSupported());
        CpuAssetAdapter cpu = adapter(4000);
        cpu.allocate("quarter", 250);
        CpuBudget budget = cpu.budget("quarter");
        long[] measured = budget.run(() -> {
            long start = System.nanoTime();
            long startCpu = THREADS.getCurrentThreadCpuTime();
            long sink = 0;
            // bounded in count and in time: ~1 s of wall time
            for (int i = 0; i < 50_000_000 && System.nanoTime() - start < 1_000_000_000L; i++) {
                sink += spin(2_000);
                budget.checkpoint();
            }
            return new long[] {THREADS.getCurrentThreadCpuTime() - startCpu, System.nanoTime() - start, sink};
        }, Duration.ofSeconds(10));
        long cpuNanos = measured[0];
        long wallNanos = measured[1];
        System.out.println("250 millicores: " + cpuNanos / 1_000_000 + " ms CPU in " + wallNanos / 1_000_000
                + " ms wall");
        assertTrue("ran about a second: " + wallNanos, wallNanos >= 900_000_000L);
        assertTrue("CPU time " + cpuNanos / 1_000_000 + " ms over " + wallNanos / 1_000_000 + " ms of wall time",
                cpuNanos <= 400_000_000L);
        assertTrue(budget.cpuTime().toNanos() >= cpuNanos / 2);
    }

    @Test(timeout = 20_000)
    public void aCpuTimeCapStopsTheRun() throws Exception {
        Assume.assumeTrue(THREADS.isCurrentThreadCpuTimeSupported());
        CpuAssetAdapter cpu = adapter(4000);
        cpu.allocate("capped", 1000);
        CpuBudget budget = cpu.budget("capped");
        long start = System.nanoTime();
        CpuBudgetExceededException exceeded = assertThrows(CpuBudgetExceededException.class,
                () -> budget.run(() -> {
                    for (int i = 0; i < 100_000_000; i++) {
                        spin(2_000);
                        budget.checkpoint();
                    }
                    return null;
                }, Duration.ofSeconds(10), Duration.ofMillis(100)));
        assertEquals(CpuBudgetExceededException.Limit.CPU_TIME, exceeded.limit());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8));
    }

    @Test(timeout = 20_000)
    public void theWallClockLimitStopsALoopThatNeverFinishes() throws Exception {
        CpuAssetAdapter cpu = adapter(4000);
        cpu.allocate("forever", 1000);
        CpuBudget budget = cpu.budget("forever");

        long start = System.nanoTime();
        CpuBudgetExceededException cooperative = assertThrows(CpuBudgetExceededException.class,
                () -> budget.run(() -> {
                    // never finishes on its own within the test's bounds
                    for (long i = 0; i < Long.MAX_VALUE && System.nanoTime() - start < 15_000_000_000L; i++) {
                        spin(1_000);
                        budget.checkpoint();
                    }
                    return null;
                }, Duration.ofMillis(500)));
        assertEquals(CpuBudgetExceededException.Limit.WALL_CLOCK, cooperative.limit());
        long took = System.nanoTime() - start;
        assertTrue("stopped near the limit: " + took / 1_000_000 + " ms", took < 5_000_000_000L);

        // a loop without checkpoints is interrupted at the limit
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        long start2 = System.nanoTime();
        CpuBudgetExceededException byInterrupt = assertThrows(CpuBudgetExceededException.class,
                () -> budget.run(() -> {
                    try {
                        for (long i = 0; i < Long.MAX_VALUE && System.nanoTime() - start2 < 15_000_000_000L; i++) {
                            spin(1_000);
                            if (Thread.currentThread().isInterrupted()) {
                                interrupted.set(true);
                                break;
                            }
                        }
                        return null;
                    } finally {
                        ended.countDown();
                    }
                }, Duration.ofMillis(300)));
        assertEquals(CpuBudgetExceededException.Limit.WALL_CLOCK, byInterrupt.limit());
        assertTrue("the work ends", ended.await(4, TimeUnit.SECONDS));
        assertTrue("its thread was interrupted", interrupted.get());
    }

    @Test(timeout = 20_000)
    public void releaseInterruptsRunningWork() throws Exception {
        CpuAssetAdapter cpu = adapter(4000);
        cpu.allocate("r", 1000);
        CpuBudget budget = cpu.budget("r");
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch ended = new CountDownLatch(2);
        AtomicBoolean sleeperInterrupted = new AtomicBoolean();
        callers = Executors.newFixedThreadPool(2);
        Future<Object> checkpointing = callers.submit(() -> budget.run(() -> {
            started.countDown();
            try {
                long start = System.nanoTime();
                for (int i = 0; i < 100_000_000 && System.nanoTime() - start < 15_000_000_000L; i++) {
                    spin(1_000);
                    budget.checkpoint();
                }
                return null;
            } finally {
                ended.countDown();
            }
        }, Duration.ofSeconds(15)));
        Future<Object> sleeping = callers.submit(() -> budget.run(() -> {
            started.countDown();
            try {
                Thread.sleep(15_000);
                return null;
            } catch (InterruptedException e) {
                sleeperInterrupted.set(true);
                throw e;
            } finally {
                ended.countDown();
            }
        }, Duration.ofSeconds(15)));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        long start = System.nanoTime();
        cpu.release("r");
        assertEquals(0, cpu.usage());
        for (Future<Object> run : new Future[] {checkpointing, sleeping}) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> run.get(5, TimeUnit.SECONDS));
            assertTrue(String.valueOf(failed.getCause()), failed.getCause() instanceof AssetException);
            assertTrue(failed.getCause().getMessage(), failed.getCause().getMessage().contains("released"));
        }
        assertTrue("the work ends", ended.await(5, TimeUnit.SECONDS));
        assertTrue(sleeperInterrupted.get());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertThrows(AssetException.class, () -> budget.run(() -> 1, Duration.ofSeconds(1)));
    }

    @Test
    public void deactivationReleasesEverything() throws Exception {
        CpuAssetAdapter cpu = adapter(1000);
        cpu.allocate("x", 300);
        cpu.allocate("y", 300);
        CpuBudget x = cpu.budget("x");
        cpu.deactivate();
        adapter = null;
        assertEquals(0, cpu.usage());
        assertThrows(AssetException.class, () -> cpu.budget("y"));
        assertThrows(AssetException.class, () -> x.run(() -> 1, Duration.ofSeconds(1)));
        assertThrows(AssetException.class, () -> cpu.allocate("z", 1));
        assertSame(null, adapter);
    }
}
