package network.internet2.hypermesh.gpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.gpu.GpuDevice;

/** The adapter: whole devices per allocation, no sharing, no overcommit, honest when there are none. */
public class GpuAssetAdapterTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static GpuDevice gpu(int index) {
        return new GpuDevice(index, String.format("GPU-%08x-0000-4000-8000-%012x", index, index),
                "NVIDIA H100 80GB HBM3", 81559, String.format("0000:%02x:00.0", 0x18 + index));
    }

    private static GpuInventory gpus(int count) {
        return new GpuInventory(IntStream.range(0, count).mapToObj(GpuAssetAdapterTest::gpu).toList(),
                List.of("fixture: " + count + " GPUs"), List.of());
    }

    private static Set<String> uuids(List<GpuDevice> devices) {
        Set<String> uuids = new HashSet<>();
        devices.forEach(device -> uuids.add(device.uuid()));
        return uuids;
    }

    @Test
    public void isTheGpuKindCountedInDevices() {
        AssetAdapter adapter = new GpuAssetAdapter(gpus(4));
        assertEquals("gpu", adapter.kind());
        assertEquals("devices", adapter.capacity().unit());
        assertEquals(4, adapter.capacity().total());
        assertEquals(0, adapter.usage());
        assertTrue(adapter.health().detail(), adapter.health().healthy());
        assertTrue(adapter.health().detail(), adapter.health().detail().startsWith("offers 4 NVIDIA GPUs (0: NVIDIA "
                + "H100 80GB HBM3 GPU-00000000-0000-4000-8000-000000000000 81559 MiB at 0000:18:00.0, 1: "));
    }

    @Test
    public void eachAllocationHoldsWholeDevicesOfItsOwn() throws Exception {
        GpuAssetAdapter adapter = new GpuAssetAdapter(gpus(4));
        adapter.allocate("a", 2);
        adapter.allocate("b", 1);
        assertEquals(List.of(gpu(0), gpu(1)), adapter.devices("a"));
        assertEquals(List.of(gpu(2)), adapter.devices("b"));
        assertEquals(3, adapter.usage());
        InsufficientCapacityException refused = assertThrows(InsufficientCapacityException.class,
                () -> adapter.allocate("c", 2));
        assertEquals("cannot allocate 2 of gpu: only 1 available", refused.getMessage());
        assertThrows(AssetException.class, () -> adapter.devices("c"));
        assertEquals(3, adapter.usage());

        adapter.release("a");
        assertEquals(1, adapter.usage());
        AssetException released = assertThrows(AssetException.class, () -> adapter.devices("a"));
        assertTrue(released.getMessage(), released.getMessage().contains("'a'"));
        adapter.allocate("c", 3);
        Set<String> c = uuids(adapter.devices("c"));
        assertEquals(3, c.size());
        assertFalse("no device is shared", c.removeAll(uuids(adapter.devices("b"))));
        assertEquals(4, adapter.usage());
        assertTrue(adapter.health().detail(), adapter.health().detail().endsWith("2 allocations hold 4 of them"));
        assertThrows(InsufficientCapacityException.class, () -> adapter.allocate("d", 1));
        assertThrows(InsufficientCapacityException.class, () -> adapter.allocate("d", Long.MAX_VALUE));
    }

    @Test
    public void refusesBadRequestsAndIgnoresUnknownReleases() throws Exception {
        GpuAssetAdapter adapter = new GpuAssetAdapter(gpus(2));
        adapter.allocate("a", 1);
        assertEquals("GPU allocation 'a' already exists",
                assertThrows(AssetException.class, () -> adapter.allocate("a", 1)).getMessage());
        assertThrows(AssetException.class, () -> adapter.allocate("z", 0));
        assertThrows(AssetException.class, () -> adapter.allocate("z", -1));
        assertThrows(AssetException.class, () -> adapter.allocate(" ", 1));
        assertThrows(AssetException.class, () -> adapter.allocate(null, 1));
        assertThrows(AssetException.class, () -> adapter.devices(null));
        adapter.release("never");
        adapter.release(null);
        assertEquals(1, adapter.usage());
        assertEquals(List.of(gpu(0)), adapter.devices("a"));
    }

    @Test
    public void withoutAGpuItOffersZeroAndSaysWhy() {
        GpuAssetAdapter adapter = new GpuAssetAdapter(new GpuInventory(List.of(),
                List.of("/dev/nvidia[0-9]*: none", "/proc/driver/nvidia/gpus: no such directory (no NVIDIA driver "
                        + "loaded)", "nvidia-smi: not found on PATH (/usr/bin)"),
                List.of("ignored the GPU described in /x/information: no Model line")));
        assertEquals(0, adapter.capacity().total());
        assertEquals(List.of(), adapter.inventory());
        AssetAdapter.Health health = adapter.health();
        assertFalse(health.healthy());
        assertEquals("no NVIDIA GPU found (checked /dev/nvidia[0-9]*: none; /proc/driver/nvidia/gpus: no such "
                + "directory (no NVIDIA driver loaded); nvidia-smi: not found on PATH (/usr/bin)); ignored: ignored the "
                + "GPU described in /x/information: no Model line", health.detail());
        InsufficientCapacityException refused = assertThrows(InsufficientCapacityException.class,
                () -> adapter.allocate("a", 1));
        assertEquals("cannot allocate 1 of gpu: only 0 available", refused.getMessage());
        assertEquals(0, adapter.usage());
    }

    @Test
    public void aRediscoveryKeepsWhatAllocationsHold() throws Exception {
        GpuAssetAdapter adapter = new GpuAssetAdapter(gpus(4));
        adapter.allocate("a", 2);
        adapter.rediscovered(new GpuInventory(List.of(gpu(1), gpu(3)), List.of("fixture"), List.of()));
        assertEquals(2, adapter.capacity().total());
        assertEquals(List.of(gpu(0), gpu(1)), adapter.devices("a"));
        adapter.allocate("b", 1);
        assertEquals("only the GPU no allocation holds", List.of(gpu(3)), adapter.devices("b"));
        assertThrows(InsufficientCapacityException.class, () -> adapter.allocate("c", 1));
        assertTrue(adapter.health().detail(), adapter.health().detail().contains("1 no longer discovered"));
    }

    @Test
    public void deactivationReleasesEverything() throws Exception {
        GpuAssetAdapter adapter = new GpuAssetAdapter(gpus(2));
        adapter.allocate("a", 2);
        adapter.deactivate();
        assertEquals(0, adapter.usage());
        assertThrows(AssetException.class, () -> adapter.devices("a"));
        assertThrows(AssetException.class, () -> adapter.allocate("b", 1));
    }

    @Test
    public void activatesFromItsConfiguration() throws Exception {
        Assume.assumeTrue("needs /bin/sh", Files.isExecutable(Path.of("/bin/sh")));
        Path root = folder.getRoot().toPath();
        Path smi = Fixtures.fakeNvidiaSmi(root.resolve("bin/nvidia-smi"), Fixtures.TWO_A100_CSV);
        GpuAssetAdapter adapter = new GpuAssetAdapter(config(root.resolve("gpus").toString(),
                root.resolve("dev").toString(), smi.toString(), 5));
        assertEquals(2, adapter.capacity().total());
        assertEquals(40960, adapter.inventory().get(0).memoryMiB());

        adapter.modified(config(root.resolve("gpus").toString(), root.resolve("dev").toString(),
                root.resolve("bin/none").toString(), 5));
        assertEquals(0, adapter.capacity().total());
        assertTrue(adapter.health().detail(), adapter.health().detail().contains(root.resolve("bin/none")
                + ": no such executable"));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new GpuAssetAdapter(config("/proc/driver/nvidia/gpus", "/dev", "nvidia-smi", 0)));
        assertEquals("discovery.timeout.seconds must be positive, got 0", zero.getMessage());
    }

    private static GpuAssetAdapter.Config config(String driver, String dev, String smi, long timeout) {
        return new GpuAssetAdapter.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return GpuAssetAdapter.Config.class;
            }

            @Override
            public String driver_directory() {
                return driver;
            }

            @Override
            public String device_directory() {
                return dev;
            }

            @Override
            public String nvidia_smi() {
                return smi;
            }

            @Override
            public long discovery_timeout_seconds() {
                return timeout;
            }
        };
    }
}
