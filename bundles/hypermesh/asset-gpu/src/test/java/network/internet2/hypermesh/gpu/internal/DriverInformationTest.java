package network.internet2.hypermesh.gpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import network.internet2.hypermesh.gpu.GpuDevice;

/** The driver's per-GPU information file, as current and older drivers write it. */
public class DriverInformationTest {

    @Test
    public void readsTheA100FileOfACurrentDriver() {
        GpuDevice gpu = DriverInformation.parse(Fixtures.text(Fixtures.A100_GPU0));
        assertEquals(new GpuDevice(0, Fixtures.UUID_GPU0, "NVIDIA A100-SXM4-40GB", GpuDevice.UNKNOWN_MEMORY,
                "0000:00:04.0"), gpu);
    }

    @Test
    public void readsAnOlderDriversFileWithAnUpperCaseBusId() {
        GpuDevice gpu = DriverInformation.parse(Fixtures.text(Fixtures.T4_OLD_DRIVER));
        assertEquals(new GpuDevice(2, Fixtures.UUID_T4, "Tesla T4", GpuDevice.UNKNOWN_MEMORY, "0000:3b:00.0"), gpu);
    }

    @Test
    public void splitsOnTheFirstColonAndStripsTabs() {
        assertEquals("0000:00:04.0", DriverInformation.fields("Bus Location: \t 0000:00:04.0\r\n").get("Bus Location"));
        assertEquals("NVIDIA A100-SXM4-40GB", DriverInformation.fields("Model: \t\t NVIDIA A100-SXM4-40GB")
                .get("Model"));
        assertTrue(DriverInformation.fields("no colon here\n: no key").isEmpty());
    }

    @Test
    public void refusesMalformedFilesSayingWhy() {
        assertRefused(Fixtures.text("information-unprivileged.txt"), "unreadable");
        assertRefused(Fixtures.text("information-truncated.txt"), "no GPU UUID, Device Minor line");
        assertRefused(Fixtures.text("information-excluded.txt"), "excludes");
        String good = Fixtures.text(Fixtures.A100_GPU0);
        assertRefused(good.replace("Device Minor: \t 0", "Device Minor: \t zero"), "Device Minor 'zero'");
        assertRefused(good.replace("Device Minor: \t 0", "Device Minor: \t 255"), "0 to 254");
        assertRefused(good.replace("Device Minor: \t 0", "Device Minor: \t -1"), "Device Minor '-1'");
        assertRefused(good.replace("0000:00:04.0", "PCI slot 4"), "not a PCI bus id");
        assertRefused(good.replace("NVIDIA A100-SXM4-40GB", ""), "no Model line");
        assertRefused("", "no Model, GPU UUID, Device Minor line");
        assertRefused(null, "no Model");
        assertRefused("\u0000\u0001\u00ff\ufffd", "no Model");
    }

    private static void assertRefused(String text, String reason) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DriverInformation.parse(text));
        assertTrue(refused.getMessage(), refused.getMessage().contains(reason));
    }
}
