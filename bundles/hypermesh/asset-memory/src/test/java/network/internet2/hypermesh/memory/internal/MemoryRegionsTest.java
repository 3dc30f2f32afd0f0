package network.internet2.hypermesh.memory.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.AssetException;

public class MemoryRegionsTest {

    private static final int MIB = 1024 * 1024;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private MemoryRegions regions;

    @Before
    public void open() throws IOException {
        regions = new MemoryRegions(folder.getRoot().toPath());
    }

    @After
    public void close() {
        regions.close();
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    public void sixtyFourMebibytesReadAndWriteAtStartMiddleAndEnd() throws Exception {
        long size = 64L * MIB;
        regions.allocate("a", size);
        assertEquals(size, regions.size("a"));
        assertEquals(size, regions.used());
        assertArrayEquals("a new region is zeroed", new byte[4096], regions.read("a", size / 2, 4096));

        byte[] start = random(4096, 1);
        byte[] middle = random(65536, 2);
        byte[] end = random(1000, 3);
        regions.write("a", 0, start);
        regions.write("a", size / 2 - 7, middle);
        regions.write("a", size - end.length, end);

        assertArrayEquals(start, regions.read("a", 0, start.length));
        assertArrayEquals(middle, regions.read("a", size / 2 - 7, middle.length));
        assertArrayEquals(end, regions.read("a", size - end.length, end.length));
        assertArrayEquals(new byte[0], regions.read("a", size, 0));
        assertEquals(1, regions.count());
    }

    @Test
    public void regionLargerThanOneChunkWorksAcrossChunkBoundaries() throws Exception {
        try (MemoryRegions small = new MemoryRegions(folder.newFolder().toPath(), MIB, 16 * MIB)) {
            long size = 3L * MIB + MIB / 2;
            small.allocate("big", size);
            byte[] whole = random((int) size, 7);
            small.write("big", 0, whole);
            assertArrayEquals("one read across all four chunks", whole, small.read("big", 0, (int) size));

            for (long boundary = MIB; boundary < size; boundary += MIB) {
                byte[] across = random(3000, boundary);
                small.write("big", boundary - 1234, across);
                assertArrayEquals(across, small.read("big", boundary - 1234, across.length));
                byte[] before = small.read("big", boundary - 1234 - 10, 10);
                assertArrayEquals("bytes before the write are untouched",
                        java.util.Arrays.copyOfRange(whole, (int) (boundary - 1244), (int) (boundary - 1234)), before);
            }
            byte[] tail = random(MIB / 2 + 100, 9);
            small.write("big", size - tail.length, tail);
            assertArrayEquals(tail, small.read("big", size - tail.length, tail.length));

            // longs on each side of a chunk boundary
            small.write("big", MIB - 8, new byte[16]);
            assertTrue(small.compareAndSwapLong("big", MIB - 8, 0, 11));
            assertTrue(small.compareAndSwapLong("big", MIB, 0, 12));
            assertEquals(11, small.readLong("big", MIB - 8));
            assertEquals(12, ByteBuffer.wrap(small.read("big", MIB, 8)).getLong());
        }
    }

    @Test
    public void compareAndSwapSucceedsAndFails() throws Exception {
        regions.allocate("c", 4096);
        assertTrue(regions.compareAndSwapLong("c", 8, 0, 42));
        assertFalse("the value is no longer 0", regions.compareAndSwapLong("c", 8, 0, 43));
        assertEquals(42, regions.readLong("c", 8));
        assertTrue(regions.compareAndSwapLong("c", 8, 42, -1));
        assertEquals(-1, regions.readLong("c", 8));
        assertArrayEquals("big-endian", ByteBuffer.allocate(8).putLong(0x0102030405060708L).array(),
                write("c", 4088, 0x0102030405060708L));
        assertThrows(IllegalArgumentException.class, () -> regions.compareAndSwapLong("c", 4, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> regions.compareAndSwapLong("c", 4096, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> regions.compareAndSwapLong("c", -8, 0, 1));
        assertThrows(AssetException.class, () -> regions.compareAndSwapLong("nope", 0, 0, 1));
        assertArrayEquals(new byte[8], regions.read("c", 0, 8));
    }

    private byte[] write(String id, long offset, long value) throws AssetException {
        assertTrue(regions.compareAndSwapLong(id, offset, regions.readLong(id, offset), value));
        return regions.read(id, offset, 8);
    }

    @Test(timeout = 60_000)
    public void compareAndSwapIsAtomicUnderFourThreads() throws Exception {
        regions.allocate("counter", 4096);
        int threads = 4;
        int increments = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    int retries = 0;
                    for (int i = 0; i < increments; i++) {
                        long seen = regions.readLong("counter", 64);
                        while (!regions.compareAndSwapLong("counter", 64, seen, seen + 1)) {
                            retries++;
                            seen = regions.readLong("counter", 64);
                        }
                    }
                    return retries;
                }));
            }
            for (Future<Integer> result : results) {
                result.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals((long) threads * increments, regions.readLong("counter", 64));
        assertArrayEquals("neighbours untouched", new byte[8], regions.read("counter", 56, 8));
        assertArrayEquals("neighbours untouched", new byte[8], regions.read("counter", 72, 8));
    }

    @Test
    public void boundsErrorsChangeNothing() throws Exception {
        try (MemoryRegions small = new MemoryRegions(folder.newFolder().toPath(), MIB, 64 * 1024)) {
            small.allocate("b", 100_000);
            byte[] content = random(100_000, 5);
            small.write("b", 0, java.util.Arrays.copyOf(content, 50_000));
            small.write("b", 50_000, java.util.Arrays.copyOfRange(content, 50_000, 100_000));

            assertThrows(IllegalArgumentException.class, () -> small.write("b", -1, new byte[1]));
            assertThrows(IllegalArgumentException.class, () -> small.write("b", 99_999, new byte[2]));
            assertThrows(IllegalArgumentException.class, () -> small.write("b", 100_001, new byte[0]));
            assertThrows(IllegalArgumentException.class, () -> small.write("b", Long.MAX_VALUE, new byte[1]));
            IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                    () -> small.write("b", 0, new byte[64 * 1024 + 1]));
            assertTrue(tooLong.getMessage(), tooLong.getMessage().contains("at most 65536"));
            assertThrows(IllegalArgumentException.class, () -> small.write("b", 0, null));
            assertThrows(IllegalArgumentException.class, () -> small.read("b", -5, 1));
            assertThrows(IllegalArgumentException.class, () -> small.read("b", 0, -1));
            assertThrows(IllegalArgumentException.class, () -> small.read("b", 99_000, 1001));
            assertThrows(IllegalArgumentException.class, () -> small.read("b", 0, 64 * 1024 + 1));
            AssetException unknown = assertThrows(AssetException.class, () -> small.write("x", 0, new byte[1]));
            assertTrue(unknown.getMessage(), unknown.getMessage().contains("'x'"));
            assertThrows(AssetException.class, () -> small.read("x", 0, 1));
            assertThrows(AssetException.class, () -> small.read(null, 0, 1));
            assertThrows(AssetException.class, () -> small.size("x"));
            assertThrows(AssetException.class, () -> small.allocate("b", 10));
            assertThrows(AssetException.class, () -> small.allocate("z", 0));
            assertThrows(AssetException.class, () -> small.allocate("z", -1));
            assertThrows(AssetException.class, () -> small.allocate(" ", 1));

            byte[] after = new byte[100_000];
            System.arraycopy(small.read("b", 0, 50_000), 0, after, 0, 50_000);
            System.arraycopy(small.read("b", 50_000, 50_000), 0, after, 50_000, 50_000);
            assertArrayEquals(content, after);
            assertEquals(100_000, small.used());
            assertEquals(1, small.count());
            assertFalse(small.contains("z"));
        }
    }

    @Test
    public void releaseMakesTheIdUnknown() throws Exception {
        regions.allocate("r", 1 << 20);
        regions.write("r", 0, new byte[] {1, 2, 3});
        assertTrue(regions.release("r"));
        assertFalse(regions.contains("r"));
        assertThrows(AssetException.class, () -> regions.read("r", 0, 3));
        assertThrows(AssetException.class, () -> regions.write("r", 0, new byte[1]));
        assertThrows(AssetException.class, () -> regions.compareAndSwapLong("r", 0, 0, 1));
        assertThrows(AssetException.class, () -> regions.size("r"));
        assertFalse("releasing twice does nothing", regions.release("r"));
        assertFalse(regions.release("never"));
        assertFalse(regions.release(null));
        assertEquals(0, regions.used());
        assertEquals(0, regions.count());
        try (Stream<Path> files = Files.list(regions.directory())) {
            assertEquals("no region file is left", 0, files.count());
        }
        regions.allocate("r", 4096);
        assertArrayEquals("the id can be reused, zeroed", new byte[3], regions.read("r", 0, 3));
    }

    @Test
    public void releaseGivesTheBackingSpaceBack() throws Exception {
        File shm = new File("/dev/shm");
        Assume.assumeTrue("needs /dev/shm", shm.isDirectory() && shm.canWrite());
        TemporaryFolder inShm = new TemporaryFolder(shm);
        inShm.create();
        try (MemoryRegions tmpfs = new MemoryRegions(inShm.getRoot().toPath())) {
            long size = 64L * MIB;
            long before = Files.getFileStore(tmpfs.directory()).getUsableSpace();
            tmpfs.allocate("s", size);
            long held = Files.getFileStore(tmpfs.directory()).getUsableSpace();
            assertTrue("the region is committed in the tmpfs: " + (before - held), before - held >= 48L * MIB);
            assertTrue(tmpfs.release("s"));
            long after = Files.getFileStore(tmpfs.directory()).getUsableSpace();
            assertTrue("release gives the space back at once: " + (after - held), after - held >= 48L * MIB);
        } finally {
            inShm.delete();
        }
    }

    @Test
    public void closeReleasesEveryRegionAndItsFolder() throws Exception {
        MemoryRegions closing = new MemoryRegions(folder.newFolder().toPath(), MIB, MIB);
        closing.allocate("one", 4096);
        closing.allocate("two", 3 * MIB);
        Path directory = closing.directory();
        assertTrue(directory.getFileName().toString().startsWith("internet2-memory-"));
        closing.close();
        assertEquals(0, closing.used());
        assertFalse(closing.contains("one"));
        assertThrows(AssetException.class, () -> closing.read("two", 0, 1));
        assertThrows(AssetException.class, () -> closing.allocate("three", 1));
        assertFalse(Files.exists(directory));
    }

    @Test
    public void backingFolderFallsBackToTheTemporaryFolder() throws IOException {
        Path missing = folder.getRoot().toPath().resolve("no-shm");
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")), MemoryRegions.backingBase("", missing));
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")), MemoryRegions.backingBase(null, missing));
        Path present = folder.newFolder("shm").toPath();
        assertEquals(present, MemoryRegions.backingBase(" ", present));
        assertEquals(Path.of("/x/y"), MemoryRegions.backingBase(" /x/y ", present));
    }

    @Test(timeout = 60_000)
    public void releaseWhileOthersReadIsSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 20; round++) {
                String id = "race" + round;
                regions.allocate(id, 2 * MIB);
                List<Future<Integer>> readers = new ArrayList<>();
                java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(2);
                for (int t = 0; t < 2; t++) {
                    readers.add(pool.submit(() -> {
                        int reads = 0;
                        try {
                            while (true) {
                                regions.read(id, MIB - 100, 4096);
                                regions.compareAndSwapLong(id, 0, 0, 0);
                                if (reads++ == 0) {
                                    reading.countDown();
                                }
                            }
                        } catch (AssetException released) {
                            return reads;
                        }
                    }));
                }
                // release while both readers are in their loops (bounded wait; a reader released early still ends)
                reading.await(10, TimeUnit.SECONDS);
                assertTrue(regions.release(id));
                for (Future<Integer> reader : readers) {
                    reader.get(20, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, regions.used());
    }

    @Test
    public void chunkSizeIsChecked() {
        Path base = folder.getRoot().toPath();
        assertThrows(IllegalArgumentException.class, () -> new MemoryRegions(base, 1000, MIB));
        assertThrows(IllegalArgumentException.class, () -> new MemoryRegions(base, 2L << 30, MIB));
        assertThrows(IllegalArgumentException.class, () -> new MemoryRegions(base, MIB, 0));
    }
}
