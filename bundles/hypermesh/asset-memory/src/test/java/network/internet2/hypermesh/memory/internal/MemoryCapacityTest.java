package network.internet2.hypermesh.memory.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class MemoryCapacityTest {

    private static final long GIB = 1L << 30;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void discoversTheMachineAndReportsNonNegativeFigures() {
        MemoryCapacity capacity = new MemoryCapacity(GIB, 0.25, folder.getRoot().toPath(), () -> 0);
        MemoryCapacity.Figures figures = capacity.figures();
        assertTrue("physical memory: " + figures.physicalTotal(), figures.physicalTotal() > 0);
        assertTrue("free memory: " + figures.physicalFree(), figures.physicalFree() >= 0);
        assertTrue("backing free: " + figures.backingFree(), figures.backingFree() >= 0);
        assertTrue(figures.offered() >= 0);
        assertTrue("respects the maximum", figures.offered() <= GIB);
        assertTrue(figures.offered() <= figures.physicalTotal() / 4);
        assertEquals(figures.offered(), capacity.total(), GIB / 16.0);
    }

    @Test
    public void offersTheLeastOfTheLimits() throws Exception {
        Path backing = folder.getRoot().toPath();
        long free = Files.getFileStore(backing).getUsableSpace();
        long physical = 8 * GIB;
        assertEquals(Math.min(GIB, free), new MemoryCapacity(GIB, 0.25, backing, () -> 0, () -> physical, () -> 0)
                .total());
        assertEquals(Math.min(2 * GIB, free), new MemoryCapacity(3 * GIB, 0.25, backing, () -> 0, () -> physical,
                () -> 0).total(), 64 * 1024 * 1024);
        assertEquals(12345, new MemoryCapacity(12345, 1, backing, () -> 0, () -> physical, () -> 0).total());
    }

    @Test
    public void zeroIsReportedHonestly() {
        Path backing = folder.getRoot().toPath();
        assertEquals(0, new MemoryCapacity(0, 0.25, backing, () -> 0).total());
        assertEquals(0, new MemoryCapacity(GIB, 0, backing, () -> 0).total());
        assertEquals("unknown physical memory offers nothing", 0,
                new MemoryCapacity(GIB, 0.25, backing, () -> 0, () -> -1, () -> -1).total());
        MemoryCapacity.Figures missing = new MemoryCapacity(GIB, 0.25, backing.resolve("absent"), () -> 0,
                () -> 8 * GIB, () -> 0).figures();
        assertEquals(-1, missing.backingFree());
        assertEquals("unreadable backing space offers nothing", 0, missing.offered());
    }

    @Test
    public void whatOurRegionsHoldStaysOnOffer() {
        Path backing = folder.getRoot().toPath();
        long withoutUse = new MemoryCapacity(Long.MAX_VALUE, 1, backing, () -> 0, () -> Long.MAX_VALUE, () -> 0)
                .figures().backingFree();
        MemoryCapacity.Figures using = new MemoryCapacity(Long.MAX_VALUE, 1, backing, () -> 5 * GIB,
                () -> Long.MAX_VALUE, () -> 0).figures();
        assertEquals(5 * GIB, using.used());
        assertTrue(using.offered() >= withoutUse);
    }

    @Test
    public void settingsAreChecked() {
        Path backing = folder.getRoot().toPath();
        assertThrows(IllegalArgumentException.class, () -> new MemoryCapacity(-1, 0.25, backing, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new MemoryCapacity(1, -0.1, backing, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new MemoryCapacity(1, 1.5, backing, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new MemoryCapacity(1, Double.NaN, backing, () -> 0));
    }
}
