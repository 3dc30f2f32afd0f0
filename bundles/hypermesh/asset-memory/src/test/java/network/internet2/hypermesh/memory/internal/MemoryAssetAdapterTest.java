package network.internet2.hypermesh.memory.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.Capacity;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.memory.MemoryAccess;

public class MemoryAssetAdapterTest {

    private static final long MIB = 1L << 20;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private MemoryAssetAdapter adapter;

    private MemoryAssetAdapter adapter(long maxBytes) throws IOException {
        adapter = new MemoryAssetAdapter(new MemoryRegions(folder.newFolder().toPath(), MIB, 4 * (int) MIB),
                maxBytes, 0.25);
        return adapter;
    }

    @After
    public void deactivate() {
        if (adapter != null) {
            adapter.deactivate();
        }
    }

    @Test
    public void isTheMemoryKindInBytes() throws IOException {
        AssetAdapter memory = adapter(16 * MIB);
        assertEquals("memory", memory.kind());
        Capacity capacity = memory.capacity();
        assertEquals("bytes", capacity.unit());
        assertTrue(capacity.total() >= 0 && capacity.total() <= 16 * MIB);
    }

    @Test
    public void allocatesAndOffersByteAccess() throws Exception {
        MemoryAssetAdapter memory = adapter(16 * MIB);
        memory.allocate("a1", 3 * MIB);
        assertEquals(3 * MIB, memory.usage());
        MemoryAccess access = memory;
        assertEquals(3 * MIB, access.size("a1"));
        byte[] data = "hello, memory".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        access.write("a1", MIB - 5, data);
        assertArrayEquals(data, access.read("a1", MIB - 5, data.length));
        assertTrue(access.compareAndSwapLong("a1", 2 * MIB, 0, 99));
        assertFalse(access.compareAndSwapLong("a1", 2 * MIB, 0, 100));
        assertEquals("capacity stays the same while allocated", 16 * MIB, memory.capacity().total());

        memory.release("a1");
        assertEquals(0, memory.usage());
        assertThrows(AssetException.class, () -> access.read("a1", 0, 1));
        memory.release("a1");
        memory.release("unknown");
    }

    @Test
    public void refusesMoreThanIsOffered() throws Exception {
        MemoryAssetAdapter memory = adapter(4 * MIB);
        memory.allocate("a", 3 * MIB);
        assertThrows(InsufficientCapacityException.class, () -> memory.allocate("b", 2 * MIB));
        assertThrows(AssetException.class, () -> memory.allocate("c", 0));
        assertThrows(AssetException.class, () -> memory.allocate("a", MIB));
        assertEquals("nothing stays reserved", 3 * MIB, memory.usage());
        assertThrows(AssetException.class, () -> memory.size("b"));
        memory.allocate("d", MIB);
        assertEquals(4 * MIB, memory.usage());
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
    public void healthFailsWhenTheBackingFolderIsGone() throws Exception {
        MemoryAssetAdapter memory = adapter(16 * MIB);
        memory.deactivate();
        AssetAdapter.Health gone = memory.health();
        assertFalse(gone.detail(), gone.healthy());
    }

    @Test
    public void deactivateReleasesEveryRegion() throws Exception {
        MemoryAssetAdapter memory = adapter(16 * MIB);
        memory.allocate("one", MIB);
        memory.allocate("two", 2 * MIB + 100);
        memory.deactivate();
        assertEquals(0, memory.usage());
        assertThrows(AssetException.class, () -> memory.read("one", 0, 1));
        assertThrows(AssetException.class, () -> memory.read("two", 0, 1));
    }
}
