package network.internet2.hypermesh.storage.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.Capacity;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.storage.StorageAccess;

public class StorageAssetAdapterTest {

    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path directory;
    private StorageAssetAdapter adapter;

    private StorageAssetAdapter adapter(long maxBytes) throws IOException {
        if (directory == null) {
            directory = folder.getRoot().toPath().resolve("storage");
        }
        adapter = new StorageAssetAdapter(new StorageFiles(directory, 4 * (int) MIB, () -> 100 * GIB), maxBytes,
                0.5);
        return adapter;
    }

    @After
    public void deactivate() {
        if (adapter != null) {
            adapter.deactivate();
        }
    }

    @Test
    public void isTheStorageKindInBytes() throws IOException {
        AssetAdapter storage = adapter(16 * MIB);
        assertEquals("storage", storage.kind());
        Capacity capacity = storage.capacity();
        assertEquals("bytes", capacity.unit());
        assertEquals(16 * MIB, capacity.total());
        assertEquals(4096, adapter.blockSize());
    }

    @Test
    public void allocatesAndOffersBlockAndByteAccess() throws Exception {
        StorageAssetAdapter storage = adapter(16 * MIB);
        storage.allocate("a1", 3 * MIB + 1);
        assertEquals(3 * MIB + 4096, storage.usage());
        StorageAccess access = storage;
        assertEquals(3 * MIB + 4096, access.size("a1"));
        byte[] data = "hello, storage".getBytes(StandardCharsets.US_ASCII);
        access.write("a1", MIB - 5, data);
        assertArrayEquals(data, access.read("a1", MIB - 5, data.length));
        byte[] block = new byte[4096];
        block[0] = 42;
        access.writeBlock("a1", 768, block);
        assertArrayEquals(block, access.readBlock("a1", 768));
        access.flush("a1");
        assertEquals("capacity stays the same while allocated", 16 * MIB, storage.capacity().total());

        storage.release("a1");
        assertEquals(0, storage.usage());
        assertThrows(AssetException.class, () -> access.read("a1", 0, 1));
        assertThrows(AssetException.class, () -> access.flush("a1"));
        storage.release("a1");
        storage.release("unknown");
        try (var listing = Files.list(directory)) {
            assertEquals("release deleted the file", 0, listing.count());
        }
    }

    @Test
    public void refusesMoreThanIsOffered() throws Exception {
        StorageAssetAdapter storage = adapter(4 * MIB);
        storage.allocate("a", 3 * MIB);
        assertThrows(InsufficientCapacityException.class, () -> storage.allocate("b", 2 * MIB));
        assertThrows("the quota is what counts", InsufficientCapacityException.class,
                () -> storage.allocate("b", MIB + 1));
        assertThrows(AssetException.class, () -> storage.allocate("c", 0));
        assertThrows(AssetException.class, () -> storage.allocate("c", Long.MAX_VALUE));
        assertThrows(AssetException.class, () -> storage.allocate("a", MIB));
        assertEquals("nothing stays reserved", 3 * MIB, storage.usage());
        assertThrows(AssetException.class, () -> storage.size("b"));
        storage.allocate("d", MIB);
        assertEquals(4 * MIB, storage.usage());
    }

    @Test
    public void aRestartedAdapterReusesTheFilesWithTheirContents() throws Exception {
        StorageAssetAdapter before = adapter(16 * MIB);
        before.allocate("persistent", 2 * MIB);
        byte[] data = "survives".getBytes(StandardCharsets.US_ASCII);
        before.write("persistent", 2 * MIB - data.length, data);
        before.flush("persistent");
        before.deactivate();

        StorageAssetAdapter after = adapter(16 * MIB);
        assertEquals(0, after.usage());
        assertThrows(AssetException.class, () -> after.size("persistent"));
        after.allocate("persistent", 2 * MIB);
        assertEquals(2 * MIB, after.usage());
        assertArrayEquals(data, after.read("persistent", 2 * MIB - data.length, data.length));
        after.release("persistent");
        assertFalse(Files.exists(directory.resolve("a-persistent.storage")));
    }

    @Test
    public void capacityRespectsTheFractionOfUsableSpace() throws Exception {
        Path small = folder.newFolder().toPath();
        long[] usable = {8 * MIB};
        adapter = new StorageAssetAdapter(new StorageFiles(small, 4 * (int) MIB, () -> usable[0]), GIB, 0.5);
        assertEquals(4 * MIB, adapter.capacity().total());
        adapter.allocate("a", 3 * MIB);
        usable[0] -= 3 * MIB; // what the file took
        assertEquals("our own file stays on offer", 4 * MIB, adapter.capacity().total());
        assertThrows(InsufficientCapacityException.class, () -> adapter.allocate("b", 2 * MIB));
        usable[0] = -1;
        assertEquals(0, adapter.capacity().total());
        assertFalse(adapter.health().healthy());
        assertThrows(InsufficientCapacityException.class, () -> adapter.allocate("c", 1));
        assertEquals(3 * MIB, adapter.usage());
    }

    @Test
    public void healthSaysWhatIsOffered() throws Exception {
        AssetAdapter.Health healthy = adapter(16 * MIB).health();
        assertTrue(healthy.detail(), healthy.healthy());
        assertTrue(healthy.detail(), healthy.detail().contains("offers " + 16 * MIB + " bytes"));
        adapter.deactivate();

        AssetAdapter.Health nothing = adapter(0).health();
        assertFalse(nothing.detail(), nothing.healthy());
        assertTrue(nothing.detail(), nothing.detail().contains("offers 0 bytes"));
        assertEquals(0, adapter.capacity().total());
        assertThrows(InsufficientCapacityException.class, () -> adapter.allocate("x", 1));
    }

    @Test
    public void healthFailsWhenTheFolderIsGone() throws Exception {
        StorageAssetAdapter storage = adapter(16 * MIB);
        storage.deactivate();
        Files.delete(directory);
        AssetAdapter.Health gone = storage.health();
        assertFalse(gone.detail(), gone.healthy());
        assertTrue(gone.detail(), gone.detail().contains("not writable"));
    }

    @Test
    public void theDefaultFolderIsUnderKarafData() {
        assertEquals(Path.of("/srv/karaf/data/internet2/assets/storage"),
                StorageAssetAdapter.directory("", "/srv/karaf/data"));
        assertEquals(Path.of("/elsewhere"), StorageAssetAdapter.directory(" /elsewhere ", "/srv/karaf/data"));
        assertTrue(StorageAssetAdapter.directory(null, null).isAbsolute());
    }
}
