package network.internet2.hypermesh.storage.internal;

import java.io.IOException;
import java.nio.file.Path;

import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.storage.StorageAccess;

/**
 * Test fixture: the real storage asset adapter of hypermesh-asset-storage over
 * a folder, built through its package-private constructors (this class sits
 * in the adapter's package on the test class path only).
 */
public final class StorageFixture implements AutoCloseable {

    private final StorageAssetAdapter adapter;

    /** The adapter over {@code directory}, offering at most {@code maxBytes}. */
    public StorageFixture(Path directory, long maxBytes) throws IOException {
        this.adapter = new StorageAssetAdapter(new StorageFiles(directory), maxBytes, 0.5);
    }

    /** @return the adapter as the registry sees it */
    public AssetAdapter adapter() {
        return adapter;
    }

    /** @return the adapter as the engine sees it */
    public StorageAccess access() {
        return adapter;
    }

    /** Deactivates the adapter: closes its files and keeps them, as at a node's shutdown. */
    @Override
    public void close() {
        adapter.deactivate();
    }
}
