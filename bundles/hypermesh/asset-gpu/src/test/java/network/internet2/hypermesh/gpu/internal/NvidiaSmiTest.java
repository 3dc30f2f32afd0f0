package network.internet2.hypermesh.gpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.Assume;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.gpu.GpuDevice;

/** Running nvidia-smi: fake ones in a fixture folder that answer, fail, print garbage or hang. */
public class NvidiaSmiTest {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path bin;

    @Before
    public void shell() throws Exception {
        Assume.assumeTrue("needs /bin/sh", Files.isExecutable(Path.of("/bin/sh")));
        bin = folder.newFolder("bin").toPath();
    }

    private String path() {
        return folder.getRoot() + "/nowhere" + File.pathSeparator + bin;
    }

    @Test
    public void runsTheOneOnThePathWithTheQueryArguments() throws Exception {
        Path smi = Fixtures.fakeNvidiaSmi(bin.resolve("nvidia-smi"), Fixtures.TWO_A100_CSV);
        NvidiaSmi.Query query = new NvidiaSmi("nvidia-smi", path(), FIVE_SECONDS).query();
        assertEquals(List.of(Fixtures.UUID_GPU0, Fixtures.UUID_GPU1),
                query.devices().stream().map(GpuDevice::uuid).toList());
        assertEquals(40960, query.devices().get(1).memoryMiB());
        assertEquals("nvidia-smi (" + smi + "): 2 GPUs", query.checked());
        assertEquals(List.of(), query.problems());
    }

    @Test
    public void aPathIsRunAsGiven() throws Exception {
        Path smi = Fixtures.fakeNvidiaSmi(folder.getRoot().toPath().resolve("opt/nvidia/bin/nvidia-smi"),
                Fixtures.MIXED_CSV);
        NvidiaSmi.Query query = new NvidiaSmi(smi.toString(), "", FIVE_SECONDS).query();
        assertEquals(List.of(0, 2, 3), query.devices().stream().map(GpuDevice::index).toList());
        assertEquals(2, query.problems().size());
        assertTrue(query.problems().get(1), query.problems().get(1).contains("'forty'"));
    }

    @Test
    public void aMissingOrNonExecutableOneIsNotRun() throws Exception {
        assertEquals("nvidia-smi: not found on PATH (" + path() + ")",
                new NvidiaSmi("nvidia-smi", path(), FIVE_SECONDS).query().checked());
        Path notExecutable = Files.writeString(bin.resolve("nvidia-smi"), "#!/bin/sh\necho 0\n");
        assertEquals(Optional.empty(), new NvidiaSmi("nvidia-smi", path(), FIVE_SECONDS).executable());
        assertEquals(notExecutable + ": no such executable",
                new NvidiaSmi(notExecutable.toString(), path(), FIVE_SECONDS).query().checked());
        assertEquals(Optional.empty(), new NvidiaSmi("nvidia-smi", null, FIVE_SECONDS).executable());
    }

    @Test
    public void aFailingOneReportsItsExitAndMessage() throws Exception {
        // what the real one prints when the driver is not loaded
        Path smi = Fixtures.script(bin.resolve("nvidia-smi"), "echo \"NVIDIA-SMI has failed because it couldn't "
                + "communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and "
                + "running.\"\nexit 9");
        NvidiaSmi.Query query = new NvidiaSmi("nvidia-smi", path(), FIVE_SECONDS).query();
        assertEquals(List.of(), query.devices());
        assertTrue(query.checked(), query.checked().startsWith("nvidia-smi (" + smi + "): exit 9: NVIDIA-SMI has "
                + "failed because it couldn't communicate"));

        Fixtures.script(smi, "echo 'unexpected arguments' >&2\necho '0, junk' \nexit 2");
        assertTrue(new NvidiaSmi("nvidia-smi", path(), FIVE_SECONDS).query().checked()
                .endsWith("exit 2: unexpected arguments"));
    }

    @Test(timeout = 20_000)
    public void aHangingOneIsKilledWithinTheBound() throws Exception {
        Path parentPid = folder.getRoot().toPath().resolve("parent.pid");
        Path childPid = folder.getRoot().toPath().resolve("child.pid");
        Fixtures.script(bin.resolve("nvidia-smi"), "echo $$ > '" + parentPid + "'\n"
                + "sleep 60 &\necho $! > '" + childPid + "'\nwait\necho '0, late'");
        long start = System.nanoTime();
        NvidiaSmi.Query query = new NvidiaSmi("nvidia-smi", path(), Duration.ofMillis(500)).query();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue("returned at the bound, not after the 60 s sleep: " + took + " ms", took >= 500 && took < 30_000);
        assertEquals(List.of(), query.devices());
        assertTrue(query.checked(), query.checked().endsWith(": no answer within 500 ms, killed"));
        for (Path pidFile : List.of(parentPid, childPid)) {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            assertTrue("process " + pid + " was killed", gone(pid, Duration.ofSeconds(5)));
        }
    }

    @Test
    public void refusesABlankCommandOrAnEmptyTimeout() {
        assertThrows(IllegalArgumentException.class, () -> new NvidiaSmi(" ", "", FIVE_SECONDS));
        assertThrows(IllegalArgumentException.class, () -> new NvidiaSmi("nvidia-smi", "", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new NvidiaSmi("nvidia-smi", "", null));
        assertEquals(List.of("--query-gpu=index,uuid,name,memory.total,pci.bus_id", "--format=csv,noheader,nounits"),
                NvidiaSmi.arguments());
    }

    /** Waits, bounded, until the process is gone (a zombie waiting for its reaper counts as gone). */
    private static boolean gone(long pid, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive() || zombie(pid)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static boolean zombie(long pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String content = Files.readString(stat);
        int end = content.lastIndexOf(')');
        return end > 0 && content.length() > end + 2 && content.charAt(end + 2) == 'Z';
    }

    @Test
    public void theZombieCheckSeesARunningProcessAsAlive() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertFalse(zombie(sleeper.pid()));
            assertFalse(gone(sleeper.pid(), Duration.ofMillis(200)));
        } finally {
            sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
