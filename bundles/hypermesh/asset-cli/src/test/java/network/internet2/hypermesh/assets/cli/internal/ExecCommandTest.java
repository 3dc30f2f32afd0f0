package network.internet2.hypermesh.assets.cli.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.vm.VmRequest;
import network.internet2.hypermesh.vm.VmResult;

public class ExecCommandTest {

    private static final byte[] WASM = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final FakeRegistry registry = new FakeRegistry();
    private VmRequest lastRequest;
    private String lastAllocation;
    private VmResult result = result(VmResult.Outcome.EXITED, 0, "hello world\n");

    private static VmResult result(VmResult.Outcome outcome, int exitCode, String stdout) {
        return new VmResult(outcome, exitCode, stdout.getBytes(StandardCharsets.UTF_8),
                "warning: x".getBytes(StandardCharsets.UTF_8), false, 18234, Duration.ofMillis(3), "unreachable");
    }

    private ExecCommand command(String allocation, String... args) throws Exception {
        Path module = folder.newFile("app.wasm").toPath();
        Files.write(module, WASM);
        ExecCommand command = new ExecCommand();
        command.registry = registry;
        command.vm = (id, request) -> {
            lastAllocation = id;
            lastRequest = request;
            return result;
        };
        command.allocationId = allocation;
        command.module = module.toString();
        command.args = args.length == 0 ? null : List.of(args);
        return command;
    }

    @Test
    public void runsTheModuleAndPrintsItsOutputAndStatus() throws Exception {
        Allocation vm = registry.granted("vm", 1 << 20, Allocation.LOCAL_OPERATOR);
        Allocation cpu = registry.granted("cpu", 500, Allocation.LOCAL_OPERATOR);
        ExecCommand command = command(vm.id(), "--verbose", "world");
        command.cpu = cpu.id();
        command.maxInstructions = 5000;
        command.timeoutMs = 250;
        Path input = folder.newFile("in.txt").toPath();
        Files.writeString(input, "input");
        command.stdin = input.toString();
        try (Console console = new Console()) {
            command.execute();
            assertEquals("hello world\nexited with status 0 (18234 instructions, 3 ms)" + System.lineSeparator(),
                    console.out());
            assertEquals("warning: x" + System.lineSeparator(), console.err());
        }
        assertEquals(vm.id(), lastAllocation);
        assertArrayEquals(WASM, lastRequest.module());
        assertEquals(List.of("--verbose", "world"), lastRequest.arguments());
        assertArrayEquals("input".getBytes(StandardCharsets.UTF_8), lastRequest.stdin());
        assertEquals(cpu.id(), lastRequest.cpuAllocationId());
        assertEquals(5000, lastRequest.maxInstructions());
        assertEquals(Duration.ofMillis(250), lastRequest.wallClockLimit());
    }

    @Test
    public void defaultsAreTheRestInterfaces() throws Exception {
        Allocation vm = registry.granted("vm", 1 << 20, Allocation.LOCAL_OPERATOR);
        try (Console console = new Console()) {
            command(vm.id()).execute();
            assertTrue(console.out(), console.out().endsWith("exited with status 0 (18234 instructions, 3 ms)"
                    + System.lineSeparator()));
        }
        assertEquals(List.of(), lastRequest.arguments());
        assertEquals(0, lastRequest.stdin().length);
        assertNull(lastRequest.cpuAllocationId());
        assertEquals(1_000_000_000L, lastRequest.maxInstructions());
        assertEquals(Duration.ofSeconds(10), lastRequest.wallClockLimit());
    }

    @Test
    public void aProgramThatDoesNotExitWithZeroFailsTheCommandAfterItsOutput() throws Exception {
        Allocation vm = registry.granted("vm", 1 << 20, Allocation.LOCAL_OPERATOR);
        result = result(VmResult.Outcome.TRAPPED, -1, "partial");
        try (Console console = new Console()) {
            CommandException failed = assertThrows(CommandException.class, () -> command(vm.id()).execute());
            assertEquals("trapped (18234 instructions, 3 ms): unreachable", failed.getMessage());
            assertEquals("partial" + System.lineSeparator(), console.out());
        }
        result = result(VmResult.Outcome.EXITED, 3, "");
        folder.delete();
        folder.create();
        try (Console console = new Console()) {
            CommandException failed = assertThrows(CommandException.class, () -> command(vm.id()).execute());
            assertEquals("exited with status 3 (18234 instructions, 3 ms)", failed.getMessage());
            assertEquals("", console.out());
            assertEquals("warning: x" + System.lineSeparator(), console.err());
        }
    }

    @Test
    public void withoutTheVmFeatureItSaysWhatToInstall() throws Exception {
        Allocation vm = registry.granted("vm", 1 << 20, Allocation.LOCAL_OPERATOR);
        ExecCommand command = command(vm.id());
        command.vm = null;
        CommandException refusal = assertThrows(CommandException.class, command::execute);
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("feature:install asset-vm"));
    }

    @Test
    public void checksAllocationsLimitsAndFilesBeforeRunning() throws Exception {
        Allocation memory = registry.granted("memory", 1024, Allocation.LOCAL_OPERATOR);
        Allocation vm = registry.granted("vm", 1 << 20, Allocation.LOCAL_OPERATOR);
        assertEquals("cannot run a module in allocation a1: it is a memory allocation, not a vm one",
                assertThrows(CommandException.class, () -> command(memory.id()).execute()).getMessage());
        folder.delete();
        folder.create();
        ExecCommand wrongCpu = command(vm.id());
        wrongCpu.cpu = memory.id();
        assertEquals("cannot run a module in allocation a1: it is a memory allocation, not a cpu one",
                assertThrows(CommandException.class, wrongCpu::execute).getMessage());
        ExecCommand noFile = new ExecCommand();
        noFile.registry = registry;
        noFile.vm = (id, request) -> result;
        noFile.allocationId = vm.id();
        noFile.module = folder.getRoot().toPath().resolve("missing.wasm").toString();
        assertTrue(assertThrows(CommandException.class, noFile::execute).getMessage().startsWith("no such file: "));
        noFile.module = folder.getRoot().toString();
        assertTrue(assertThrows(CommandException.class, noFile::execute).getMessage().endsWith("is a directory; give "
                + "the module file"));
        noFile.timeoutMs = 0;
        assertTrue(assertThrows(CommandException.class, noFile::execute).getMessage().startsWith("--timeout must be"));
        noFile.timeoutMs = 100;
        noFile.maxInstructions = 0;
        assertTrue(assertThrows(CommandException.class, noFile::execute).getMessage()
                .startsWith("--max-instructions must be at least 1"));
        registry.release(vm.id(), Allocation.LOCAL_OPERATOR);
        assertTrue(assertThrows(CommandException.class, noFile::execute).getMessage().endsWith("it already ended "
                + "(released: released by local-operator)"));
        assertNull(lastRequest);
    }

    @Test
    public void theVmsRefusalsBecomeCommandErrors() throws Exception {
        Allocation vm = registry.granted("vm", 1 << 20, Allocation.LOCAL_OPERATOR);
        ExecCommand invalid = command(vm.id());
        invalid.vm = (id, request) -> {
            throw new IllegalArgumentException("not a WebAssembly module: bad magic");
        };
        assertEquals("the VM refused the run: not a WebAssembly module: bad magic",
                assertThrows(CommandException.class, invalid::execute).getMessage());
        invalid.vm = (id, request) -> {
            throw new AssetException("VM allocation a1 is already running a module");
        };
        assertEquals("VM allocation a1 is already running a module",
                assertThrows(CommandException.class, invalid::execute).getMessage());
    }
}
