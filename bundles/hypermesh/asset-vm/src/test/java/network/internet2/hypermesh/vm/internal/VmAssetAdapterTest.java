package network.internet2.hypermesh.vm.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.vm.VmAccess;
import network.internet2.hypermesh.vm.VmRequest;
import network.internet2.hypermesh.vm.VmResult;
import network.internet2.hypermesh.vm.VmResult.Outcome;

public class VmAssetAdapterTest {

    static final long PAGE = VmSettings.PAGE_BYTES;
    static final long HEAP = 1L << 30;

    /** Runs forever on {@code br}, which Chicory checks for interruption. */
    static final String LOOP_BR = Wat.command("(func (export \"_start\") (loop $l (br $l)))");
    /** Runs forever on {@code br_if}, which Chicory does not check: only the meter's checkpoints stop it. */
    static final String LOOP_BR_IF = Wat.command("(func (export \"_start\") (loop $l (br_if $l (i32.const 1))))");

    private VmAssetAdapter adapter;
    private ExecutorService callers;

    static VmSettings settings(int maxConcurrentRuns) {
        return new VmSettings(64 * 1024 * 1024, 100_000_000L, 50_000_000_000L, Duration.ofSeconds(5),
                Duration.ofSeconds(60), 1000, maxConcurrentRuns, 1024 * 1024);
    }

    @Before
    public void activate() {
        adapter = new VmAssetAdapter(settings(4), () -> HEAP);
        callers = Executors.newCachedThreadPool();
    }

    @After
    public void deactivate() throws InterruptedException {
        adapter.deactivate();
        callers.shutdownNow();
        assertTrue("callers ended", callers.awaitTermination(10, TimeUnit.SECONDS));
    }

    static VmRequest request(String wat, long maxInstructions, Duration wallClock, String... arguments) {
        return new VmRequest(Wat.wasm(wat), List.of(arguments), new byte[0], null, maxInstructions, wallClock);
    }

    static VmRequest request(String wat) {
        return request(wat, 0, Duration.ZERO);
    }

    /** Asserts that hello world runs in the allocation, as after any failure it must. */
    private void assertUsable(String allocationId) throws AssetException {
        VmResult hello = adapter.execute(allocationId, new VmRequest(Wat.wasm(Wat.HELLO), List.of("again"),
                "in".getBytes(UTF_8), null, 0, Duration.ZERO));
        assertEquals(hello.detail(), Outcome.EXITED, hello.outcome());
        assertEquals("hello\nagain\nin", new String(hello.stdout(), UTF_8));
    }

    static void await(BooleanSupplier condition, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue("condition not reached within " + bound, System.nanoTime() < deadline);
            Thread.sleep(5);
        }
    }

    @Test
    public void isTheVmKindInBytesOfferingAtMostHalfTheHeap() throws AssetException {
        assertEquals("vm", adapter.kind());
        assertEquals("bytes", adapter.capacity().unit());
        assertEquals(64 * 1024 * 1024, adapter.capacity().total());
        assertTrue(adapter.health().detail(), adapter.health().healthy());
        VmAssetAdapter smallHeap = new VmAssetAdapter(settings(1), () -> 32 * 1024 * 1024);
        try {
            assertEquals(16 * 1024 * 1024, smallHeap.capacity().total());
        } finally {
            smallHeap.deactivate();
        }
        adapter.allocate("a", 4 * PAGE);
        assertEquals(4 * PAGE, adapter.usage());
        adapter.release("a");
        assertEquals(0, adapter.usage());
    }

    @Test
    public void refusesAmountsThatAreNotWholePagesOrOvercommit() throws AssetException {
        AssetException odd = assertThrows(AssetException.class, () -> adapter.allocate("odd", 100_000));
        assertTrue(odd.getMessage(), odd.getMessage().contains("multiple of 65536"));
        assertThrows(AssetException.class, () -> adapter.allocate("zero", 0));
        assertThrows(AssetException.class, () -> adapter.allocate("negative", -PAGE));
        adapter.allocate("big", 60 * 1024 * 1024);
        assertThrows(InsufficientCapacityException.class, () -> adapter.allocate("more", 8 * 1024 * 1024));
        assertThrows(AssetException.class, () -> adapter.allocate("big", PAGE));
        adapter.release("big");
        adapter.allocate("more", 8 * 1024 * 1024);
    }

    @Test
    public void runsHelloWorldWithArgumentsAndStandardInput() throws AssetException {
        adapter.allocate("vm-1", 2 * PAGE);
        VmResult result = adapter.execute("vm-1", new VmRequest(Wat.wasm(Wat.HELLO), List.of("alpha", "beta gamma"),
                "echo me\nand me".getBytes(UTF_8), null, 0, Duration.ZERO));
        assertEquals(result.detail(), Outcome.EXITED, result.outcome());
        assertEquals(0, result.exitCode());
        assertEquals("hello\nalpha\nbeta gamma\necho me\nand me", new String(result.stdout(), UTF_8));
        assertEquals("hello", new String(result.stderr(), UTF_8));
        assertFalse(result.outputTruncated());
        assertTrue("instructions counted: " + result.instructions(), result.instructions() > 100);
        assertTrue(result.elapsed().compareTo(Duration.ZERO) > 0);
    }

    @Test
    public void reportsTheExitStatusOfProcExit() throws AssetException {
        adapter.allocate("vm-1", PAGE);
        VmResult result = adapter.execute("vm-1", request(Wat.command(""
                + "(func (export \"_start\") (call $write (i32.const 1) (i32.const 0) (i32.const 0))"
                + "  (call $proc_exit (i32.const 3)) unreachable)")));
        assertEquals(result.detail(), Outcome.EXITED, result.outcome());
        assertEquals(3, result.exitCode());
        assertTrue(result.detail(), result.detail().contains("proc_exit(3)"));
        assertUsable("vm-1");
    }

    @Test
    public void capsStandardOutputAndSaysSo() throws AssetException {
        adapter.allocate("vm-1", PAGE);
        // 20 writes of 60,000 bytes: 1.2 MB, more than the 1 MiB kept
        VmResult result = adapter.execute("vm-1", request(Wat.command(""
                + "(func (export \"_start\") (local $i i32)"
                + "  (loop $l (call $write (i32.const 1) (i32.const 0) (i32.const 60000))"
                + "    (local.set $i (i32.add (local.get $i) (i32.const 1)))"
                + "    (br_if $l (i32.lt_u (local.get $i) (i32.const 20)))))")));
        assertEquals(result.detail(), Outcome.EXITED, result.outcome());
        assertEquals(VmAccess.MAX_OUTPUT_BYTES, result.stdout().length);
        assertTrue(result.outputTruncated());
    }

    @Test
    public void reportsTrapsAndStaysUsable() throws AssetException {
        adapter.allocate("vm-1", PAGE);
        String[][] traps = {
            {"unreachable", "unreachable"},
            {"(drop (i32.div_s (i32.const 1) (i32.const 0)))", "divide by zero"},
            {"(drop (i32.load (i32.const 70000)))", "out of bounds memory access"},
        };
        for (String[] trap : traps) {
            VmResult result = adapter.execute("vm-1", request(Wat.command("(func (export \"_start\") " + trap[0] + ")")));
            assertEquals(result.detail(), Outcome.TRAPPED, result.outcome());
            assertEquals(-1, result.exitCode());
            assertTrue(result.detail(), result.detail().contains(trap[1]));
            assertUsable("vm-1");
        }
    }

    @Test
    public void stopsAnEndlessLoopAtItsInstructionLimitExactly() throws AssetException {
        adapter.allocate("vm-1", PAGE);
        for (String loop : List.of(LOOP_BR, LOOP_BR_IF)) {
            VmResult result = adapter.execute("vm-1", request(loop, 1_000_000, Duration.ofSeconds(30)));
            assertEquals(result.detail(), Outcome.INSTRUCTION_LIMIT, result.outcome());
            assertEquals(1_000_000, result.instructions());
            assertUsable("vm-1");
        }
    }

    @Test
    public void stopsAnEndlessLoopAtItsWallClockLimit() throws AssetException {
        adapter.allocate("vm-1", PAGE);
        for (String loop : List.of(LOOP_BR, LOOP_BR_IF)) {
            VmResult result = adapter.execute("vm-1", request(loop, 50_000_000_000L, Duration.ofMillis(300)));
            assertEquals(result.detail(), Outcome.WALL_CLOCK_LIMIT, result.outcome());
            assertTrue(result.elapsed().toString(), result.elapsed().compareTo(Duration.ofMillis(290)) >= 0);
            assertTrue(result.elapsed().toString(), result.elapsed().compareTo(Duration.ofSeconds(3)) < 0);
            assertTrue(result.instructions() > 0);
            assertUsable("vm-1");
        }
    }

    @Test
    public void interruptsAModuleSleepingInWasiAtItsWallClockLimit() throws AssetException {
        adapter.allocate("vm-1", PAGE);
        // poll_oneoff on one clock subscription of 60 s (userdata@0, tag@8 = clock, id@16, timeout@24)
        VmResult result = adapter.execute("vm-1", request(Wat.command(""
                + "(func (export \"_start\")"
                + "  (i32.store8 (i32.const 264) (i32.const 0))"
                + "  (i32.store (i32.const 272) (i32.const 1))"
                + "  (i64.store (i32.const 280) (i64.const 60000000000))"
                + "  (drop (call $poll_oneoff (i32.const 256) (i32.const 512) (i32.const 1) (i32.const 600))))"),
                0, Duration.ofMillis(300)));
        assertEquals(result.detail(), Outcome.WALL_CLOCK_LIMIT, result.outcome());
        assertTrue(result.elapsed().toString(), result.elapsed().compareTo(Duration.ofSeconds(5)) < 0);
        assertUsable("vm-1");
    }

    @Test
    public void refusesToGrowMemoryBeyondTheAllocation() throws AssetException {
        adapter.allocate("vm-1", 3 * PAGE);
        // grows a page at a time until refused, then exits with the pages it has
        String growThenExit = Wat.command("(memory 1)", ""
                + "(func (export \"_start\")"
                + "  (loop $l (br_if $l (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))"
                + "  (call $proc_exit (memory.size)))");
        VmResult exited = adapter.execute("vm-1", request(growThenExit));
        assertEquals(exited.detail(), Outcome.EXITED, exited.outcome());
        assertEquals("memory held to the allocation's 3 pages", 3, exited.exitCode());
        assertTrue(exited.detail(), exited.detail().contains("memory.grow was refused 1 time"));

        // asks for 100 pages at once, ignores the refusal and stores into the memory it did not get
        String growThenUse = Wat.command("(memory 1 200)", ""
                + "(func (export \"_start\")"
                + "  (drop (memory.grow (i32.const 100)))"
                + "  (i32.store (i32.const 3000000) (i32.const 1)))");
        VmResult limited = adapter.execute("vm-1", request(growThenUse));
        assertEquals(limited.detail(), Outcome.MEMORY_LIMIT, limited.outcome());
        assertTrue(limited.detail(), limited.detail().contains("out of bounds"));
        assertUsable("vm-1");
    }

    @Test
    public void doesNotCountTheModulesOwnMaximumAgainstTheAllocation() throws AssetException {
        adapter.allocate("vm-1", 8 * PAGE);
        // the module's own maximum (2 pages) refuses the grow: the module's business, not a memory limit
        VmResult result = adapter.execute("vm-1", request(Wat.command("(memory 1 2)", ""
                + "(func (export \"_start\") (drop (memory.grow (i32.const 4))) unreachable)")));
        assertEquals(result.detail(), Outcome.TRAPPED, result.outcome());
    }

    @Test
    public void refusesToRunAModuleWhoseMemoryStartsBeyondTheAllocation() throws AssetException {
        adapter.allocate("vm-1", 2 * PAGE);
        VmResult result = adapter.execute("vm-1", request(Wat.command("(memory 5)",
                "(func (export \"_start\") (call $proc_exit (i32.const 0)))")));
        assertEquals(result.detail(), Outcome.MEMORY_LIMIT, result.outcome());
        assertEquals(0, result.instructions());
        assertTrue(result.detail(), result.detail().contains("327680"));
        assertUsable("vm-1");
    }

    @Test
    public void trapsOnRecursionThatWouldHoldTooMuchStack() throws AssetException {
        adapter.allocate("vm-1", PAGE);
        // 40,000 i64 locals a frame: 320 KB each, 8 MiB after some 25 frames (the JVM's stack would allow
        // thousands, gigabytes of heap)
        String fatFrames = Wat.command("(func $f (local" + " i64".repeat(40_000) + ") (call $f))"
                + "(func (export \"_start\") (call $f))");
        VmResult fat = adapter.execute("vm-1", request(fatFrames));
        assertEquals(fat.detail(), Outcome.TRAPPED, fat.outcome());
        assertTrue(fat.detail(), fat.detail().contains("call stack exhausted"));

        VmResult deep = adapter.execute("vm-1", request(Wat.command("(func $f (call $f))"
                + "(func (export \"_start\") (call $f))")));
        assertEquals(deep.detail(), Outcome.TRAPPED, deep.outcome());
        assertTrue(deep.detail(), deep.detail().contains("call stack exhausted"));
        assertUsable("vm-1");
    }

    @Test
    public void refusesInvalidModulesAndForeignImports() throws AssetException {
        adapter.allocate("vm-1", PAGE);
        IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class, () -> adapter.execute("vm-1",
                new VmRequest(new byte[] {1, 2, 3, 4}, List.of(), null, null, 0, Duration.ZERO)));
        assertTrue(garbage.getMessage(), garbage.getMessage().contains("not valid WebAssembly"));

        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class, () -> adapter.execute("vm-1",
                request("(module (import \"env\" \"now\" (func $now (result i64)))"
                        + " (func (export \"_start\") (drop (call $now))))")));
        assertTrue(foreign.getMessage(), foreign.getMessage().contains("env.now"));

        IllegalArgumentException library = assertThrows(IllegalArgumentException.class, () -> adapter.execute("vm-1",
                request("(module (func (export \"run\")))")));
        assertTrue(library.getMessage(), library.getMessage().contains("_start"));

        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class, () -> adapter.execute("vm-1",
                new VmRequest(new byte[VmAccess.MAX_MODULE_BYTES + 1], List.of(), null, null, 0, Duration.ZERO)));
        assertTrue(huge.getMessage(), huge.getMessage().contains("more than the " + VmAccess.MAX_MODULE_BYTES));
        assertUsable("vm-1");
    }

    @Test
    public void refusesLimitsOutOfRange() throws AssetException {
        adapter.allocate("vm-1", PAGE);
        assertThrows(IllegalArgumentException.class, () -> adapter.execute("vm-1",
                request(Wat.HELLO, -1, Duration.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> adapter.execute("vm-1",
                request(Wat.HELLO, 50_000_000_001L, Duration.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> adapter.execute("vm-1",
                request(Wat.HELLO, 0, Duration.ofSeconds(61))));
        assertThrows(IllegalArgumentException.class, () -> adapter.execute("vm-1",
                request(Wat.HELLO, 0, Duration.ofSeconds(-1))));
        assertUsable("vm-1");
    }

    @Test
    public void refusesUnknownAndReleasedAllocations() throws AssetException {
        AssetException unknown = assertThrows(AssetException.class, () -> adapter.execute("nope", request(Wat.HELLO)));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("'nope'"));
        adapter.allocate("vm-1", PAGE);
        adapter.release("vm-1");
        assertThrows(AssetException.class, () -> adapter.execute("vm-1", request(Wat.HELLO)));
    }

    @Test
    public void refusesASecondRunInTheSameAllocationAndStopsTheRunOnRelease() throws Exception {
        adapter.allocate("vm-2", PAGE);
        // a few rounds, as the release races with the run
        for (int round = 0; round < 8; round++) {
            adapter.allocate("vm-1", PAGE);
            Future<VmResult> first = callers.submit(() -> adapter.execute("vm-1",
                    request(LOOP_BR_IF, 50_000_000_000L, Duration.ofSeconds(30))));
            await(() -> adapter.modulesRunning() == 1, Duration.ofSeconds(10));

            AssetException busy = assertThrows(AssetException.class, () -> adapter.execute("vm-1", request(Wat.HELLO)));
            assertTrue(busy.getMessage(), busy.getMessage().contains("already running"));
            assertUsable("vm-2");

            long released = System.nanoTime();
            adapter.release("vm-1");
            ExecutionException stopped = assertThrows(ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS));
            assertTrue(stopped.getCause().toString(), stopped.getCause() instanceof AssetException);
            assertTrue(stopped.getCause().getMessage(), stopped.getCause().getMessage().contains("released"));
            assertTrue("stopped promptly", System.nanoTime() - released < TimeUnit.SECONDS.toNanos(5));
            await(() -> adapter.runsUnderWay() == 0, Duration.ofSeconds(10));
        }
        adapter.allocate("vm-1", PAGE);
        assertUsable("vm-1");
    }

    @Test
    public void refusesRunsBeyondTheNodesConcurrency() throws Exception {
        VmAssetAdapter single = new VmAssetAdapter(settings(1), () -> HEAP);
        try {
            single.allocate("vm-1", PAGE);
            single.allocate("vm-2", PAGE);
            Future<VmResult> first = callers.submit(() -> single.execute("vm-1",
                    request(LOOP_BR, 50_000_000_000L, Duration.ofMillis(1500))));
            await(() -> single.modulesRunning() == 1, Duration.ofSeconds(10));
            AssetException busy = assertThrows(AssetException.class, () -> single.execute("vm-2", request(Wat.HELLO)));
            assertTrue(busy.getMessage(), busy.getMessage().contains("max.concurrent.runs"));
            assertEquals(Outcome.WALL_CLOCK_LIMIT, first.get(10, TimeUnit.SECONDS).outcome());
            VmResult after = single.execute("vm-2", request(Wat.HELLO));
            assertEquals(after.detail(), Outcome.EXITED, after.outcome());
        } finally {
            single.deactivate();
        }
    }

    @Test
    public void deactivationStopsRunsAndLeavesNoThreads() throws Exception {
        VmAssetAdapter stopping = new VmAssetAdapter(settings(2), () -> HEAP);
        stopping.allocate("vm-1", PAGE);
        Future<VmResult> run = callers.submit(() -> stopping.execute("vm-1",
                request(LOOP_BR_IF, 50_000_000_000L, Duration.ofSeconds(30))));
        await(() -> stopping.modulesRunning() == 1, Duration.ofSeconds(10));
        stopping.deactivate();
        ExecutionException stopped = assertThrows(ExecutionException.class,
                () -> run.get(10, TimeUnit.SECONDS));
        assertTrue(stopped.getCause().getMessage(), stopped.getCause().getMessage().contains("stopped"));
        assertEquals(0, stopping.runsUnderWay());
        // every adapter of this test class is deactivated after its test, so no run thread may remain
        await(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("hypermesh-vm-") && thread.isAlive()),
                Duration.ofSeconds(10));
        assertThrows(AssetException.class, () -> stopping.allocate("vm-2", PAGE));
    }

    @Test
    public void runsAUsableModuleAfterEveryKindOfFailureInARow() throws AssetException {
        adapter.allocate("vm-1", 2 * PAGE);
        adapter.execute("vm-1", request(LOOP_BR, 10_000, Duration.ZERO));
        adapter.execute("vm-1", request(LOOP_BR_IF, 50_000_000_000L, Duration.ofMillis(100)));
        adapter.execute("vm-1", request(Wat.command("(func (export \"_start\") unreachable)")));
        assertThrows(IllegalArgumentException.class, () -> adapter.execute("vm-1",
                new VmRequest(new byte[] {0, 'a', 's', 'm'}, List.of(), null, null, 0, Duration.ZERO)));
        VmResult result = adapter.execute("vm-1", new VmRequest(Wat.wasm(Wat.HELLO), List.of(), "x".getBytes(UTF_8),
                null, 0, Duration.ZERO));
        assertArrayEquals("hello\nx".getBytes(UTF_8), result.stdout());
    }
}
