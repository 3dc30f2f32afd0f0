package network.internet2.hypermesh.remote.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import network.internet2.hypermesh.asset.AllocationDirectory;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.remote.RemoteStorage;
import network.internet2.hypermesh.storage.StorageAccess;
import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqStream;

/**
 * The {@value RemoteStorage#SERVICE} STOQ service: this node's storage
 * allocations, read, written and flushed by their owners (or grantees) from
 * other nodes. Present while the registry and the storage adapter are.
 */
@Component(service = StoqService.class, property = StoqService.SERVICE_PROPERTY + "=" + RemoteStorage.SERVICE)
public class RemoteStorageService implements StoqService {

    private final RemoteAccessHandler handler;

    @Activate
    public RemoteStorageService(@Reference AllocationDirectory directory, @Reference StorageAccess storage) {
        this.handler = new RemoteAccessHandler(directory, backend(storage), StorageAccess.MAX_TRANSFER);
    }

    static AllocationBackend backend(StorageAccess storage) {
        return new AllocationBackend() {
            @Override
            public String kind() {
                return "storage";
            }

            @Override
            public long size(String id) throws AssetException {
                return storage.size(id);
            }

            @Override
            public byte[] read(String id, long offset, int length) throws AssetException {
                return storage.read(id, offset, length);
            }

            @Override
            public void write(String id, long offset, byte[] data) throws AssetException {
                storage.write(id, offset, data);
            }

            @Override
            public boolean compareAndSwapLong(String id, long offset, long expected, long replacement) {
                throw new IllegalArgumentException("storage has no compare-and-swap; it is a memory operation");
            }

            @Override
            public void flush(String id) throws AssetException {
                storage.flush(id);
            }
        };
    }

    @Override
    public void accept(StoqStream stream) throws IOException {
        handler.serve(stream);
    }
}
