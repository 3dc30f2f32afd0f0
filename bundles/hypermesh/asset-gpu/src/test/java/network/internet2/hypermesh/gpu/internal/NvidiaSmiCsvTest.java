package network.internet2.hypermesh.gpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import network.internet2.hypermesh.gpu.GpuDevice;

/** What {@code nvidia-smi --query-gpu=... --format=csv,noheader,nounits} prints. */
public class NvidiaSmiCsvTest {

    @Test
    public void readsTwoA100s() {
        NvidiaSmiCsv.Parsed parsed = NvidiaSmiCsv.parse(Fixtures.text(Fixtures.TWO_A100_CSV));
        assertEquals(List.of(
                new GpuDevice(0, Fixtures.UUID_GPU0, "NVIDIA A100-SXM4-40GB", 40960, "0000:00:04.0"),
                new GpuDevice(1, Fixtures.UUID_GPU1, "NVIDIA A100-SXM4-40GB", 40960, "0000:00:05.0")),
                parsed.devices());
        assertEquals(List.of(), parsed.problems());
    }

    @Test
    public void keepsTheWellFormedLinesAndReportsTheOthers() {
        NvidiaSmiCsv.Parsed parsed = NvidiaSmiCsv.parse(Fixtures.text(Fixtures.MIXED_CSV));
        assertEquals(List.of(
                new GpuDevice(0, Fixtures.UUID_GPU0, "NVIDIA A100-SXM4-40GB", 40960, "0000:00:04.0"),
                new GpuDevice(2, Fixtures.UUID_T4, "Tesla T4", 15360, "0000:3b:00.0"),
                new GpuDevice(3, "GPU-0f6d1e2a-3b4c-5d6e-7f80-91a2b3c4d5e6", "Tesla T4", GpuDevice.UNKNOWN_MEMORY,
                        "0000:3c:00.0")),
                parsed.devices());
        assertEquals(2, parsed.problems().size());
        assertTrue(parsed.problems().get(0), parsed.problems().get(0).startsWith("nvidia-smi line 2 'No devices "
                + "were found' ignored: expected 5 comma-separated fields"));
        assertTrue(parsed.problems().get(1), parsed.problems().get(1).contains("line 3")
                && parsed.problems().get(1).contains("memory.total 'forty'"));
    }

    @Test
    public void aModelNameWithACommaStaysWhole() {
        assertEquals("Quadro RTX 8000, rev 2", NvidiaSmiCsv.parseLine(
                "4, " + Fixtures.UUID_T4 + ", Quadro RTX 8000, rev 2, 49152, 00000001:AF:00.0").name());
        assertEquals("0001:af:00.0", NvidiaSmiCsv.parseLine(
                "4, " + Fixtures.UUID_T4 + ", Quadro RTX 8000, 49152, 00000001:AF:00.0").busId());
    }

    @Test
    public void refusesMalformedLinesSayingWhy() {
        String uuid = Fixtures.UUID_GPU0;
        assertRefused("index, uuid, name, memory.total [MiB], pci.bus_id", "index 'index'");
        assertRefused("0, " + uuid + ", NVIDIA A100-SXM4-40GB, 40960 MiB, 00000000:00:04.0", "nounits");
        assertRefused("0, " + uuid + ", NVIDIA A100-SXM4-40GB, -1, 00000000:00:04.0", "memory.total '-1'");
        assertRefused("-1, " + uuid + ", NVIDIA A100-SXM4-40GB, 40960, 00000000:00:04.0", "index '-1'");
        assertRefused("0, GPU-nope, NVIDIA A100-SXM4-40GB, 40960, 00000000:00:04.0", "not a GPU UUID");
        assertRefused("0, " + uuid + ", , 40960, 00000000:00:04.0", "no model name");
        assertRefused("0, " + uuid + ", NVIDIA A100-SXM4-40GB, 40960, [N/A]", "not a PCI bus id");
        assertRefused("0, " + uuid + ", NVIDIA A100-SXM4-40GB, 40960", "expected 5");
        assertEquals(List.of(), NvidiaSmiCsv.parse("").devices());
        assertEquals(List.of(), NvidiaSmiCsv.parse(null).problems());
    }

    private static void assertRefused(String line, String reason) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> NvidiaSmiCsv.parseLine(line));
        assertTrue(refused.getMessage(), refused.getMessage().contains(reason));
        NvidiaSmiCsv.Parsed parsed = NvidiaSmiCsv.parse(line + "\n");
        assertEquals(List.of(), parsed.devices());
        assertEquals(1, parsed.problems().size());
    }
}
