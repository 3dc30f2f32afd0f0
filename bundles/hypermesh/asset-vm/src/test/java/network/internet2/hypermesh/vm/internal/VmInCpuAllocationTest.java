package network.internet2.hypermesh.vm.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.cpu.CpuBudget;
import network.internet2.hypermesh.cpu.internal.CpuAssetAdapter;
import network.internet2.hypermesh.vm.VmRequest;
import network.internet2.hypermesh.vm.VmResult;
import network.internet2.hypermesh.vm.VmResult.Outcome;

/** Runs modules inside real CPU allocations of the CPU asset adapter (its classes, not a stand-in). */
public class VmInCpuAllocationTest {

    private VmAssetAdapter vm;
    private CpuAssetAdapter cpu;
    private ExecutorService callers;

    /** The real CPU adapter, offering the machine's whole CPU, made as DS would, from its configuration. */
    static CpuAssetAdapter realCpuAdapter() throws ReflectiveOperationException {
        Class<?> config = Class.forName(CpuAssetAdapter.class.getName() + "$Config");
        Object settings = Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "fraction":
                            return 1.0;
                        case "max_millicores":
                            return 1_000_000L;
                        case "annotationType":
                            return config;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            return "CpuAssetAdapter.Config(fraction=1.0)";
                    }
                });
        return CpuAssetAdapter.class.getConstructor(config).newInstance(settings);
    }

    @Before
    public void activate() throws Exception {
        vm = new VmAssetAdapter(VmAssetAdapterTest.settings(4), () -> VmAssetAdapterTest.HEAP);
        cpu = realCpuAdapter();
        vm.bindCpuAccess(cpu);
        vm.allocate("vm-1", VmAssetAdapterTest.PAGE);
        callers = Executors.newCachedThreadPool();
    }

    @After
    public void deactivate() throws InterruptedException {
        vm.deactivate();
        for (String id : List.of("cpu-1", "cpu-2")) {
            cpu.release(id);
        }
        callers.shutdownNow();
        assertTrue("callers ended", callers.awaitTermination(10, TimeUnit.SECONDS));
    }

    private static VmRequest inCpu(String wat, String cpuAllocationId, long maxInstructions, Duration wallClock) {
        return new VmRequest(Wat.wasm(wat), List.of("in", "cpu"), "stdin".getBytes(UTF_8), cpuAllocationId,
                maxInstructions, wallClock);
    }

    @Test
    public void runsHelloWorldInACpuAllocation() throws AssetException {
        cpu.allocate("cpu-1", 500);
        VmResult result = vm.execute("vm-1", inCpu(Wat.HELLO, "cpu-1", 0, Duration.ZERO));
        assertEquals(result.detail(), Outcome.EXITED, result.outcome());
        assertEquals("hello\nin\ncpu\nstdin", new String(result.stdout(), UTF_8));
    }

    @Test
    public void holdsAnEndlessLoopToTheAllocationsShareUntilItsWallClockLimit() throws Exception {
        Assume.assumeTrue("thread CPU time is measurable",
                ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported());
        cpu.allocate("cpu-1", 100);
        CpuBudget budget = cpu.budget("cpu-1");
        VmResult result = vm.execute("vm-1",
                inCpu(VmAssetAdapterTest.LOOP_BR_IF, "cpu-1", 50_000_000_000L, Duration.ofSeconds(1)));
        assertEquals(result.detail(), Outcome.WALL_CLOCK_LIMIT, result.outcome());
        // the budget adds a run's CPU time once its thread is done, which may be just after execute returns
        VmAssetAdapterTest.await(() -> budget.cpuTime().compareTo(Duration.ZERO) > 0, Duration.ofSeconds(10));
        // a tenth of a core for a second (plus the 50 ms burst): unthrottled, the loop would burn the whole second
        assertTrue("CPU time used: " + budget.cpuTime(), budget.cpuTime().compareTo(Duration.ofMillis(500)) < 0);
        assertTrue(result.elapsed().compareTo(Duration.ofSeconds(4)) < 0);
        VmResult after = vm.execute("vm-1", inCpu(Wat.HELLO, "cpu-1", 0, Duration.ZERO));
        assertEquals(after.detail(), Outcome.EXITED, after.outcome());
    }

    @Test
    public void stopsAtTheInstructionLimitInsideACpuAllocation() throws AssetException {
        cpu.allocate("cpu-1", 1000);
        VmResult result = vm.execute("vm-1",
                inCpu(VmAssetAdapterTest.LOOP_BR, "cpu-1", 2_000_000, Duration.ofSeconds(30)));
        assertEquals(result.detail(), Outcome.INSTRUCTION_LIMIT, result.outcome());
        assertEquals(2_000_000, result.instructions());
    }

    @Test
    public void endsTheRunAsCpuLimitWhenTheCpuAllocationIsReleased() throws Exception {
        // a few rounds, as the release races with the run's checkpoints
        for (int round = 0; round < 8; round++) {
            String cpuId = "cpu-round-" + round;
            cpu.allocate(cpuId, 1000);
            Future<VmResult> run = callers.submit(() -> vm.execute("vm-1",
                    inCpu(VmAssetAdapterTest.LOOP_BR_IF, cpuId, 50_000_000_000L, Duration.ofSeconds(30))));
            VmAssetAdapterTest.await(() -> vm.modulesRunning() == 1, Duration.ofSeconds(10));
            cpu.release(cpuId);
            VmResult result = run.get(10, TimeUnit.SECONDS);
            assertEquals(result.detail(), Outcome.CPU_LIMIT, result.outcome());
            assertTrue(result.detail(), result.detail().contains("released"));
            VmAssetAdapterTest.await(() -> vm.runsUnderWay() == 0, Duration.ofSeconds(10));
            VmResult after = vm.execute("vm-1", inCpu(Wat.HELLO, null, 0, Duration.ZERO));
            assertEquals(after.detail(), Outcome.EXITED, after.outcome());
        }
    }

    @Test
    public void refusesUnknownCpuAllocationsAndAMissingCpuAdapter() throws AssetException {
        AssetException unknown = assertThrows(AssetException.class,
                () -> vm.execute("vm-1", inCpu(Wat.HELLO, "cpu-2", 0, Duration.ZERO)));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("cpu-2"));

        vm.unbindCpuAccess(cpu);
        cpu.allocate("cpu-1", 500);
        AssetException missing = assertThrows(AssetException.class,
                () -> vm.execute("vm-1", inCpu(Wat.HELLO, "cpu-1", 0, Duration.ZERO)));
        assertTrue(missing.getMessage(), missing.getMessage().contains("the cpu asset adapter is not installed"));
        VmResult without = vm.execute("vm-1", inCpu(Wat.HELLO, null, 0, Duration.ZERO));
        assertEquals(without.detail(), Outcome.EXITED, without.outcome());

        vm.bindCpuAccess(cpu);
        VmResult within = vm.execute("vm-1", inCpu(Wat.HELLO, "cpu-1", 0, Duration.ZERO));
        assertEquals(within.detail(), Outcome.EXITED, within.outcome());
    }
}
