package network.internet2.hypermesh.gpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.gpu.GpuDevice;

/** GPUs found in fixture driver and device directories laid out as the driver lays them out. */
public class DriverFilesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path driver;
    private Path dev;

    @Before
    public void layout() {
        driver = folder.getRoot().toPath().resolve("proc/driver/nvidia/gpus");
        dev = folder.getRoot().toPath().resolve("dev");
    }

    @Test
    public void findsTheGpusThatHaveDeviceNodes() throws Exception {
        Fixtures.gpuFolder(driver, "0000:00:04.0", Fixtures.A100_GPU0);
        Fixtures.gpuFolder(driver, "0000:00:05.0", Fixtures.A100_GPU1);
        Fixtures.deviceNodes(dev, "nvidia0", "nvidia1", "nvidiactl", "nvidia-uvm", "nvidia-modeset");
        DriverFiles.Scan scan = new DriverFiles(driver, dev).scan();
        assertEquals(List.of(Fixtures.UUID_GPU0, Fixtures.UUID_GPU1),
                scan.devices().stream().map(GpuDevice::uuid).toList());
        assertEquals(List.of(0, 1), scan.devices().stream().map(GpuDevice::index).toList());
        assertEquals(List.of(), scan.problems());
        assertEquals(List.of(dev.resolve("nvidia[0-9]*") + ": nvidia0, nvidia1", driver + ": 2 GPUs, 2 usable"),
                scan.checked());
    }

    @Test
    public void aGpuWithoutItsDeviceNodeIsLeftOut() throws Exception {
        Fixtures.gpuFolder(driver, "0000:00:04.0", Fixtures.A100_GPU0);
        Fixtures.gpuFolder(driver, "0000:00:05.0", Fixtures.A100_GPU1);
        Fixtures.deviceNodes(dev, "nvidia0", "nvidiactl");
        DriverFiles.Scan scan = new DriverFiles(driver, dev).scan();
        assertEquals(List.of(Fixtures.UUID_GPU0), scan.devices().stream().map(GpuDevice::uuid).toList());
        assertEquals(1, scan.problems().size());
        String problem = scan.problems().get(0);
        assertTrue(problem, problem.contains(Fixtures.UUID_GPU1) && problem.contains(dev.resolve("nvidia1")
                + " is missing") && problem.contains("pass the device through"));
        assertTrue(scan.checked().toString(), scan.checked().contains(driver + ": 2 GPUs, 1 usable"));
    }

    @Test
    public void malformedInformationIsReportedAndTheOtherGpusStillCount() throws Exception {
        Fixtures.gpuFolder(driver, "0000:00:04.0", Fixtures.A100_GPU0);
        Fixtures.gpuFolder(driver, "0000:3b:00.0", "information-unprivileged.txt");
        Fixtures.gpuFolder(driver, "0000:3c:00.0", "information-truncated.txt");
        Files.createDirectories(driver.resolve("0000:3d:00.0"));
        Path huge = Files.createDirectories(driver.resolve("0000:3e:00.0")).resolve(DriverFiles.INFORMATION);
        Files.writeString(huge, "Model: x\n".repeat(10_000));
        Files.writeString(driver.resolve("not-a-gpu-folder"), "a stray file is not a GPU");
        Fixtures.deviceNodes(dev, "nvidia0", "nvidia1", "nvidia2");
        DriverFiles.Scan scan = new DriverFiles(driver, dev).scan();
        assertEquals(List.of(Fixtures.UUID_GPU0), scan.devices().stream().map(GpuDevice::uuid).toList());
        List<String> problems = scan.problems();
        assertEquals(problems.toString(), 4, problems.size());
        assertTrue(problems.get(0), problems.get(0).contains(driver.resolve("0000:3b:00.0/information") + ": the GPU "
                + "UUID 'GPU-????????-????-????-????-????????????' is unreadable"));
        assertTrue(problems.get(1), problems.get(1).contains("0000:3c:00.0/information: no GPU UUID, Device Minor "
                + "line; check the NVIDIA driver installation"));
        assertTrue(problems.get(2), problems.get(2).contains("0000:3d:00.0/information: no such file"));
        assertTrue(problems.get(3), problems.get(3).contains("longer than 65536 bytes"));
    }

    @Test
    public void noDriverMeansNoGpusAndSaysWhatWasChecked() throws Exception {
        DriverFiles.Scan scan = new DriverFiles(driver, dev).scan();
        assertEquals(List.of(), scan.devices());
        assertEquals(List.of(dev.resolve("nvidia[0-9]*") + ": none",
                driver + ": no such directory (no NVIDIA driver loaded)"), scan.checked());

        Files.createDirectories(driver);
        Fixtures.deviceNodes(dev, "nvidia0");
        scan = new DriverFiles(driver, dev).scan();
        assertEquals(List.of(), scan.devices());
        assertEquals(List.of(dev.resolve("nvidia[0-9]*") + ": nvidia0", driver + ": no GPUs listed"), scan.checked());

        Path file = Files.writeString(folder.getRoot().toPath().resolve("gpus-file"), "not a folder");
        assertEquals(List.of(dev.resolve("nvidia[0-9]*") + ": nvidia0", file + ": not a directory"),
                new DriverFiles(file, dev).scan().checked());
    }
}
