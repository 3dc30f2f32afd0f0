package network.internet2.hypermesh.gpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.Assume;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.gpu.GpuDevice;

/** Both sources together: nvidia-smi first, the driver files otherwise, nothing invented. */
public class GpuDiscoveryTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path driver;
    private Path dev;
    private Path bin;

    @Before
    public void layout() throws Exception {
        driver = folder.getRoot().toPath().resolve("proc/driver/nvidia/gpus");
        dev = folder.newFolder("dev").toPath();
        bin = folder.newFolder("bin").toPath();
    }

    private GpuInventory discover() {
        return new GpuDiscovery(new DriverFiles(driver, dev),
                new NvidiaSmi("nvidia-smi", bin.toString(), Duration.ofSeconds(5))).discover();
    }

    @Test
    public void aMachineWithoutAGpuOffersNoneAndSaysWhatItChecked() {
        GpuInventory inventory = discover();
        assertEquals(List.of(), inventory.devices());
        assertEquals(0, inventory.size());
        assertEquals(dev.resolve("nvidia[0-9]*") + ": none; " + driver + ": no such directory (no NVIDIA driver "
                + "loaded); nvidia-smi: not found on PATH (" + bin + ")", inventory.checkedSummary());
    }

    @Test
    public void nvidiaSmiIsTheAuthorityWhenItListsGpus() throws Exception {
        Assume.assumeTrue("needs /bin/sh", Files.isExecutable(Path.of("/bin/sh")));
        Fixtures.fakeNvidiaSmi(bin.resolve("nvidia-smi"), Fixtures.TWO_A100_CSV);
        Fixtures.gpuFolder(driver, "0000:00:04.0", Fixtures.A100_GPU0);
        Fixtures.gpuFolder(driver, "0000:00:05.0", Fixtures.A100_GPU1);
        Fixtures.gpuFolder(driver, "0000:3b:00.0", Fixtures.T4_OLD_DRIVER);
        Fixtures.deviceNodes(dev, "nvidia0", "nvidia1", "nvidia2");
        GpuInventory inventory = discover();
        assertEquals(List.of(
                new GpuDevice(0, Fixtures.UUID_GPU0, "NVIDIA A100-SXM4-40GB", 40960, "0000:00:04.0"),
                new GpuDevice(1, Fixtures.UUID_GPU1, "NVIDIA A100-SXM4-40GB", 40960, "0000:00:05.0")),
                inventory.devices());
        assertEquals(1, inventory.problems().size());
        assertTrue(inventory.problems().get(0), inventory.problems().get(0).contains(Fixtures.UUID_T4)
                && inventory.problems().get(0).contains("nvidia-smi does not"));
    }

    @Test
    public void theDriverFilesCountWhenNvidiaSmiFails() throws Exception {
        Assume.assumeTrue("needs /bin/sh", Files.isExecutable(Path.of("/bin/sh")));
        Fixtures.script(bin.resolve("nvidia-smi"), "echo 'Failed to initialize NVML: Driver/library version "
                + "mismatch'\nexit 18");
        Fixtures.gpuFolder(driver, "0000:3b:00.0", Fixtures.T4_OLD_DRIVER);
        Fixtures.gpuFolder(driver, "0000:00:04.0", Fixtures.A100_GPU0);
        Fixtures.deviceNodes(dev, "nvidia0", "nvidia2");
        GpuInventory inventory = discover();
        assertEquals(List.of(0, 2), inventory.devices().stream().map(GpuDevice::index).toList());
        assertEquals(GpuDevice.UNKNOWN_MEMORY, inventory.devices().get(1).memoryMiB());
        assertTrue(inventory.checkedSummary(), inventory.checkedSummary().contains("exit 18: Failed to initialize "
                + "NVML"));
    }

    @Test
    public void aSecondGpuWithTheSameUuidOrIndexIsLeftOut() throws Exception {
        Assume.assumeTrue("needs /bin/sh", Files.isExecutable(Path.of("/bin/sh")));
        String line = "0, " + Fixtures.UUID_GPU0 + ", NVIDIA A100-SXM4-40GB, 40960, 00000000:00:04.0";
        String sameIndex = "0, " + Fixtures.UUID_GPU1 + ", NVIDIA A100-SXM4-40GB, 40960, 00000000:00:05.0";
        Fixtures.script(bin.resolve("nvidia-smi"), "echo '" + line + "'\necho '" + line + "'\necho '" + sameIndex
                + "'");
        GpuInventory inventory = discover();
        assertEquals(List.of(Fixtures.UUID_GPU0), inventory.devices().stream().map(GpuDevice::uuid).toList());
        assertEquals(2, inventory.problems().size());
        assertTrue(inventory.problems().get(0), inventory.problems().get(0).contains("a second GPU with UUID"));
        assertTrue(inventory.problems().get(1), inventory.problems().get(1).contains("index 0 is taken"));
    }

    @Test
    public void thisMachineWithoutAGpuIsReportedHonestly() {
        Path realDriver = Path.of("/proc/driver/nvidia/gpus");
        NvidiaSmi realSmi = new NvidiaSmi("nvidia-smi", System.getenv("PATH"), Duration.ofSeconds(5));
        Assume.assumeTrue("this machine has an NVIDIA driver or nvidia-smi",
                !Files.exists(realDriver) && realSmi.executable().isEmpty());
        GpuInventory inventory = new GpuDiscovery(new DriverFiles(realDriver, Path.of("/dev")), realSmi).discover();
        assertEquals(0, inventory.size());
        assertTrue(inventory.checkedSummary(), inventory.checkedSummary().contains("/proc/driver/nvidia/gpus: no "
                + "such directory") && inventory.checkedSummary().contains("nvidia-smi: not found on PATH"));
    }
}
