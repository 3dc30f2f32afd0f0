package network.internet2.hypermesh.storage.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import java.util.Set;

import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.AssetException;

public class StorageFilesTest {

    private static final int MIB = 1024 * 1024;
    private static final int BLOCK = StorageFiles.BLOCK_SIZE;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path directory;
    private StorageFiles files;

    @Before
    public void open() throws IOException {
        directory = folder.getRoot().toPath().resolve("storage");
        files = new StorageFiles(directory, 4 * MIB, null);
    }

    @After
    public void close() {
        files.close();
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    public void readsAndWritesByteRangesAtStartMiddleAndEnd() throws Exception {
        long size = 8L * MIB;
        files.allocate("a", size);
        assertEquals(size, files.size("a"));
        assertEquals(size, files.used());
        assertEquals(size, Files.size(directory.resolve("a-a.storage")));
        assertArrayEquals("a new file is zeroed", new byte[4096], files.read("a", size / 2, 4096));

        byte[] start = random(4096, 1);
        byte[] middle = random(3 * MIB + 17, 2);
        byte[] end = random(1000, 3);
        files.write("a", 0, start);
        files.write("a", size / 2 - 7, middle);
        files.write("a", size - end.length, end);
        files.flush("a");

        assertArrayEquals(start, files.read("a", 0, start.length));
        assertArrayEquals(middle, files.read("a", size / 2 - 7, middle.length));
        assertArrayEquals(end, files.read("a", size - end.length, end.length));
        assertArrayEquals(new byte[0], files.read("a", size, 0));
        assertEquals(1, files.count());
    }

    @Test
    public void readsAndWritesBlocks() throws Exception {
        files.allocate("b", 10L * BLOCK);
        long last = 9;
        byte[] first = random(BLOCK, 4);
        byte[] middle = random(BLOCK, 5);
        byte[] end = random(BLOCK, 6);
        files.writeBlock("b", 0, first);
        files.writeBlock("b", 5, middle);
        files.writeBlock("b", last, end);
        assertArrayEquals(first, files.readBlock("b", 0));
        assertArrayEquals(middle, files.readBlock("b", 5));
        assertArrayEquals(end, files.readBlock("b", last));
        assertArrayEquals(new byte[BLOCK], files.readBlock("b", 4));
        assertArrayEquals("blocks and byte ranges are the same storage", middle, files.read("b", 5L * BLOCK, BLOCK));
        byte[] across = random(100, 7);
        files.write("b", 6L * BLOCK - 50, across);
        byte[] sixth = files.readBlock("b", 6);
        for (int i = 0; i < 50; i++) {
            assertEquals(across[50 + i], sixth[i]);
        }
    }

    @Test
    public void boundsErrorsChangeNothing() throws Exception {
        files.allocate("c", 4L * BLOCK);
        long size = files.size("c");
        byte[] content = random((int) size, 8);
        files.write("c", 0, content);

        assertThrows(IllegalArgumentException.class, () -> files.write("c", -1, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> files.write("c", size - 1, new byte[2]));
        assertThrows(IllegalArgumentException.class, () -> files.write("c", size + 1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> files.write("c", Long.MAX_VALUE, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> files.write("c", 0, null));
        assertThrows(IllegalArgumentException.class, () -> files.write("c", 0, new byte[4 * MIB + 1]));
        assertThrows(IllegalArgumentException.class, () -> files.read("c", -1, 1));
        assertThrows(IllegalArgumentException.class, () -> files.read("c", 0, -1));
        assertThrows(IllegalArgumentException.class, () -> files.read("c", size, 1));
        assertThrows(IllegalArgumentException.class, () -> files.read("c", 1, (int) size));
        assertThrows(IllegalArgumentException.class, () -> files.read("c", 0, 4 * MIB + 1));
        assertThrows(IllegalArgumentException.class, () -> files.writeBlock("c", 4, random(BLOCK, 9)));
        assertThrows(IllegalArgumentException.class, () -> files.writeBlock("c", -1, random(BLOCK, 9)));
        assertThrows(IllegalArgumentException.class, () -> files.writeBlock("c", Long.MAX_VALUE, random(BLOCK, 9)));
        assertThrows(IllegalArgumentException.class, () -> files.writeBlock("c", 0, new byte[BLOCK - 1]));
        assertThrows(IllegalArgumentException.class, () -> files.writeBlock("c", 0, new byte[BLOCK + 1]));
        assertThrows(IllegalArgumentException.class, () -> files.writeBlock("c", 0, null));
        assertThrows(IllegalArgumentException.class, () -> files.readBlock("c", 4));
        assertThrows(IllegalArgumentException.class, () -> files.readBlock("c", -1));
        assertThrows(AssetException.class, () -> files.read("unknown", 0, 1));
        assertThrows(AssetException.class, () -> files.write("unknown", 0, new byte[1]));
        assertThrows(AssetException.class, () -> files.readBlock("unknown", 0));
        assertThrows(AssetException.class, () -> files.writeBlock("unknown", 0, new byte[BLOCK]));
        assertThrows(AssetException.class, () -> files.size("unknown"));
        assertThrows(AssetException.class, () -> files.flush("unknown"));
        assertThrows(AssetException.class, () -> files.read(null, 0, 1));

        assertArrayEquals("nothing changed", content, files.read("c", 0, (int) size));
        assertEquals(size, Files.size(directory.resolve("a-c.storage")));
    }

    @Test
    public void quotasAreWholeBlocks() throws Exception {
        files.allocate("one", 1);
        files.allocate("exact", BLOCK);
        files.allocate("more", BLOCK + 1);
        assertEquals(BLOCK, files.size("one"));
        assertEquals(BLOCK, files.size("exact"));
        assertEquals(2 * BLOCK, files.size("more"));
        assertEquals(4 * BLOCK, files.used());
        assertEquals(2 * BLOCK, Files.size(directory.resolve("a-more.storage")));
        assertThrows(IllegalArgumentException.class, () -> files.readBlock("one", 1));
        assertThrows(IllegalArgumentException.class, () -> files.quota(0));
        assertThrows(IllegalArgumentException.class, () -> files.quota(Long.MAX_VALUE));
    }

    @Test
    public void refusesBadAllocationsAndKeepsNothing() throws Exception {
        files.allocate("x", BLOCK);
        assertThrows(AssetException.class, () -> files.allocate("x", BLOCK));
        assertThrows(AssetException.class, () -> files.allocate("y", 0));
        assertThrows(AssetException.class, () -> files.allocate("y", -5));
        assertThrows(AssetException.class, () -> files.allocate("y", Long.MAX_VALUE));
        assertThrows(AssetException.class, () -> files.allocate("", BLOCK));
        assertThrows(AssetException.class, () -> files.allocate(null, BLOCK));
        assertThrows(AssetException.class, () -> files.allocate("z".repeat(500), BLOCK));
        assertEquals(BLOCK, files.used());
        assertEquals(1, files.count());
        try (var listing = Files.list(directory)) {
            assertEquals(1, listing.count());
        }
    }

    @Test
    public void aFullDiskFailsTheAllocation() throws Exception {
        StorageFiles small = new StorageFiles(folder.newFolder().toPath(), MIB, () -> 10L * BLOCK);
        try {
            AssetException full = assertThrows(AssetException.class, () -> small.allocate("big", 11L * BLOCK));
            assertTrue(full.getMessage(), full.getMessage().contains("usable"));
            assertEquals(0, small.used());
            try (var listing = Files.list(small.directory())) {
                assertEquals("no file stays behind", 0, listing.count());
            }
            small.allocate("fits", 10L * BLOCK);
        } finally {
            small.close();
        }
        StorageFiles unknown = new StorageFiles(folder.newFolder().toPath(), MIB, () -> -1);
        try {
            assertThrows(AssetException.class, () -> unknown.allocate("any", BLOCK));
        } finally {
            unknown.close();
        }
    }

    @Test
    public void releaseDeletesTheFile() throws Exception {
        files.allocate("gone", 3L * BLOCK);
        Path file = directory.resolve("a-gone.storage");
        assertTrue(Files.exists(file));
        assertTrue(files.release("gone"));
        assertFalse(Files.exists(file));
        assertEquals(0, files.used());
        assertThrows(AssetException.class, () -> files.read("gone", 0, 1));
        assertFalse(files.release("gone"));
        assertFalse(files.release("never"));
        assertFalse(files.release(null));
    }

    @Test
    public void survivesARestartAndReusesTheFile() throws Exception {
        files.allocate("kept", 5L * BLOCK + 3);
        byte[] block = random(BLOCK, 10);
        files.writeBlock("kept", 2, block);
        files.allocate("other", BLOCK);
        files.close();
        assertTrue("closing keeps the files", Files.exists(directory.resolve("a-kept.storage")));

        files = new StorageFiles(directory, 4 * MIB, null);
        assertEquals(Set.of("kept", "other"), files.leftover());
        assertEquals(0, files.used());
        assertEquals(7L * BLOCK, files.held());
        assertThrows("unknown until reserved again", AssetException.class, () -> files.read("kept", 0, 1));

        assertTrue("reused", files.allocate("kept", 5L * BLOCK + 3));
        assertArrayEquals("contents intact", block, files.readBlock("kept", 2));
        assertArrayEquals(new byte[BLOCK], files.readBlock("kept", 5));
        assertEquals(6L * BLOCK, files.used());
        assertEquals(Set.of("other"), files.leftover());

        AssetException otherSize = assertThrows(AssetException.class, () -> files.allocate("other", 2L * BLOCK));
        assertTrue(otherSize.getMessage(), otherSize.getMessage().contains("kept untouched"));
        assertEquals(BLOCK, Files.size(directory.resolve("a-other.storage")));
        assertEquals(Set.of("other"), files.leftover());

        assertTrue("releasing a kept file deletes it", files.release("other"));
        assertFalse(Files.exists(directory.resolve("a-other.storage")));
        assertEquals(6L * BLOCK, files.held());
    }

    @Test
    public void interruptedAllocationsAreCleanedAtStart() throws Exception {
        files.close();
        Files.write(directory.resolve("a-half.storage.tmp"), new byte[10]);
        Files.write(directory.resolve("unrelated.txt"), new byte[10]);
        files = new StorageFiles(directory, 4 * MIB, null);
        assertFalse(Files.exists(directory.resolve("a-half.storage.tmp")));
        assertTrue("other files are not ours to touch", Files.exists(directory.resolve("unrelated.txt")));
        assertEquals(Set.of(), files.leftover());
    }

    @Test
    public void anyIdMapsToOneFileName() throws Exception {
        String[] ids = {"simple", "with-dash_and_underscore", "slash/../x", "ünïcode", "a-b.storage", "x41", ".."};
        for (String id : ids) {
            String name = StorageFiles.fileName(id);
            assertFalse(name, name.contains("/"));
            assertEquals(id, StorageFiles.idOf(name));
        }
        assertNull(StorageFiles.idOf("h-zz.storage"));
        assertNull(StorageFiles.idOf("h-41.storage")); // "A" is stored plainly
        assertNull(StorageFiles.idOf("notes.txt"));
        files.allocate("slash/../x", BLOCK);
        files.write("slash/../x", 0, new byte[] {1});
        files.close();
        files = new StorageFiles(directory, 4 * MIB, null);
        assertEquals(Set.of("slash/../x"), files.leftover());
    }

    @Test
    public void filesAreTheOwnersOnly() throws Exception {
        Assume.assumeTrue(Files.getFileStore(directory).supportsFileAttributeView("posix"));
        files.allocate("private", BLOCK);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory.resolve("a-private.storage"))));
    }
}
