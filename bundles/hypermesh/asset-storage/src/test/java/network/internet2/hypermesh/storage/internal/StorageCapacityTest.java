package network.internet2.hypermesh.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StorageCapacityTest {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void discoversTheFileStore() {
        StorageCapacity.Figures figures = new StorageCapacity(GIB, 0.5, folder.getRoot().toPath(), () -> 0)
                .figures();
        assertTrue("usable: " + figures.usable(), figures.usable() >= 0);
        assertTrue(figures.offered() >= 0 && figures.offered() <= GIB);
        assertTrue(figures.offered() <= figures.usable() / 2 + 1);
        assertEquals(0, figures.offered() % StorageFiles.BLOCK_SIZE);
    }

    @Test
    public void offersTheLesserOfMaximumAndFraction() {
        assertEquals(GIB, new StorageCapacity(GIB, 0.5, () -> 100 * GIB, () -> 0).total());
        assertEquals(5 * GIB, new StorageCapacity(10 * GIB, 0.5, () -> 10 * GIB, () -> 0).total());
        assertEquals(10 * GIB, new StorageCapacity(10 * GIB, 1, () -> 10 * GIB, () -> 0).total());
        assertEquals("rounded down to whole blocks", 12288, new StorageCapacity(12345, 1, () -> GIB, () -> 0)
                .total());
        assertEquals("fraction rounded down to whole blocks", 4096,
                new StorageCapacity(GIB, 0.5, () -> 3 * 4096, () -> 0).total());
    }

    @Test
    public void whatOurFilesHoldStaysOnOffer() {
        StorageCapacity.Figures figures = new StorageCapacity(100 * GIB, 0.5, () -> 6 * GIB, () -> 4 * GIB)
                .figures();
        assertEquals(4 * GIB, figures.held());
        assertEquals(5 * GIB, figures.offered());
        assertEquals(Long.MAX_VALUE - Long.MAX_VALUE % 4096,
                new StorageCapacity(Long.MAX_VALUE, 1, () -> Long.MAX_VALUE, () -> Long.MAX_VALUE).total());
    }

    @Test
    public void zeroIsReportedHonestly() {
        Path directory = folder.getRoot().toPath();
        assertEquals(0, new StorageCapacity(0, 0.5, directory, () -> 0).total());
        assertEquals(0, new StorageCapacity(GIB, 0, directory, () -> 0).total());
        assertEquals(0, new StorageCapacity(GIB, 0.5, () -> 4095, () -> 0).total());
        StorageCapacity.Figures missing = new StorageCapacity(GIB, 0.5, directory.resolve("absent"), () -> MIB)
                .figures();
        assertEquals(-1, missing.usable());
        assertEquals("unknown usable space offers nothing", 0, missing.offered());
    }

    @Test
    public void settingsAreChecked() {
        Path directory = folder.getRoot().toPath();
        assertThrows(IllegalArgumentException.class, () -> new StorageCapacity(-1, 0.5, directory, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new StorageCapacity(1, -0.1, directory, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new StorageCapacity(1, 1.5, directory, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new StorageCapacity(1, Double.NaN, directory, () -> 0));
    }
}
