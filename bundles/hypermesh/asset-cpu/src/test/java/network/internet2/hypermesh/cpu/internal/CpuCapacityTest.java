package network.internet2.hypermesh.cpu.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CpuCapacityTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path cpuMax(String content) throws Exception {
        Path file = folder.newFile().toPath();
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        return file;
    }

    private Path missing() {
        return folder.getRoot().toPath().resolve("no-cpu.max");
    }

    @Test
    public void discoversTheMachine() {
        CpuCapacity capacity = new CpuCapacity(0.75, 1_000_000);
        CpuCapacity.Figures figures = capacity.figures();
        assertEquals(Runtime.getRuntime().availableProcessors(), figures.processors());
        assertTrue(figures.machineMillicores() <= figures.processors() * 1000L);
        assertTrue(figures.offered() > 0);
        assertEquals((long) Math.floor(figures.machineMillicores() * 0.75), capacity.total());
    }

    @Test
    public void fromProcessorsTimesFractionCappedByMaximum() {
        assertEquals(3000, new CpuCapacity(0.75, 1_000_000, missing(), () -> 4).total());
        assertEquals(1500, new CpuCapacity(0.75, 1_000_000, missing(), () -> 2).total());
        assertEquals(2000, new CpuCapacity(0.75, 2000, missing(), () -> 4).total());
        assertEquals(8000, new CpuCapacity(1, 1_000_000, missing(), () -> 8).total());
        assertEquals(0, new CpuCapacity(0, 1_000_000, missing(), () -> 8).total());
        assertEquals(0, new CpuCapacity(0.75, 0, missing(), () -> 8).total());
        assertEquals(-1, new CpuCapacity(0.75, 10, missing(), () -> 8).figures().cgroupMillicores());
        assertThrows(IllegalArgumentException.class, () -> new CpuCapacity(1.5, 10, missing(), () -> 8));
        assertThrows(IllegalArgumentException.class, () -> new CpuCapacity(Double.NaN, 10, missing(), () -> 8));
        assertThrows(IllegalArgumentException.class, () -> new CpuCapacity(0.5, -1, missing(), () -> 8));
    }

    @Test
    public void honoursTheCgroupLimit() throws Exception {
        CpuCapacity limited = new CpuCapacity(0.75, 1_000_000, cpuMax("150000 100000\n"), () -> 8);
        assertEquals(1500, limited.figures().cgroupMillicores());
        assertEquals(1500, limited.figures().machineMillicores());
        assertEquals(1125, limited.total());
        assertEquals("no limit", 6000, new CpuCapacity(0.75, 1_000_000, cpuMax("max 100000\n"), () -> 8).total());
        assertEquals("the lower of processors and cgroup", 1500,
                new CpuCapacity(0.75, 1_000_000, cpuMax("800000 100000"), () -> 2).total());
        assertEquals(250, new CpuCapacity(1, 1_000_000, cpuMax("  25000   100000  "), () -> 2).total());
        assertEquals(Long.MAX_VALUE / 100000, CpuCapacity.parseCpuMax(Long.MAX_VALUE + " 100000"));
    }

    @Test
    public void garbageCgroupFileIsIgnored() throws Exception {
        for (String garbage : new String[] {"", "max", "banana 100000", "100000", "1 2 3", "-5 100000",
                "50000 0", "50000 -1", "50000 abc", "max max", "\u0000\u0001\u0002", "99999999999999999999 1"}) {
            CpuCapacity capacity = new CpuCapacity(0.75, 1_000_000, cpuMax(garbage), () -> 4);
            assertEquals("'" + garbage + "'", -1, capacity.figures().cgroupMillicores());
            assertEquals("'" + garbage + "'", 3000, capacity.total());
        }
        assertEquals("a folder is ignored", 3000,
                new CpuCapacity(0.75, 1_000_000, folder.newFolder().toPath(), () -> 4).total());
        assertEquals("a huge file is ignored", 3000,
                new CpuCapacity(0.75, 1_000_000, cpuMax("5".repeat(10_000) + " 100000"), () -> 4).total());
        assertEquals(3000, new CpuCapacity(0.75, 1_000_000, null, () -> 4).total());
    }
}
