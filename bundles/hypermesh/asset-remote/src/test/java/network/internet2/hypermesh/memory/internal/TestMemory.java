package network.internet2.hypermesh.memory.internal;

import java.nio.file.Path;

/** The real memory adapter over regions in {@code base}, offering up to {@code maxBytes}. */
public final class TestMemory {

    private TestMemory() {
    }

    public static MemoryAssetAdapter open(Path base, long maxBytes) throws Exception {
        return new MemoryAssetAdapter(new MemoryRegions(base), maxBytes, 0.5);
    }

    public static void close(MemoryAssetAdapter adapter) {
        adapter.deactivate();
    }
}
