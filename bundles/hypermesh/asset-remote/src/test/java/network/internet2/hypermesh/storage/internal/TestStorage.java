package network.internet2.hypermesh.storage.internal;

import java.nio.file.Path;

/** The real storage adapter over files in {@code directory}, offering up to {@code maxBytes}. */
public final class TestStorage {

    private TestStorage() {
    }

    public static StorageAssetAdapter open(Path directory, long maxBytes) throws Exception {
        return new StorageAssetAdapter(new StorageFiles(directory), maxBytes, 0.5);
    }

    public static void close(StorageAssetAdapter adapter) {
        adapter.deactivate();
    }
}
