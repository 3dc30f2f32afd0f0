package network.internet2.hypermesh.storage.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Benchmark access to the real storage asset adapter outside OSGi (this class sits in the adapter's package on the
 * benchmark's plain class path): files in {@code directory}, offering at most {@code maxBytes} and at most half of
 * the disk's usable space (the configuration's default fraction).
 */
public final class BenchStorage {

    private BenchStorage() {
    }

    public static StorageAssetAdapter open(Path directory, long maxBytes) throws IOException {
        return new StorageAssetAdapter(new StorageFiles(directory), maxBytes, 0.5);
    }

    /** Closes the adapter's files and keeps them, as at a node's shutdown. */
    public static void close(StorageAssetAdapter adapter) {
        adapter.deactivate();
    }
}
