package network.internet2.hypermesh.remote.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import network.internet2.hypermesh.asset.AllocationDirectory;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.memory.MemoryAccess;
import network.internet2.hypermesh.remote.RemoteMemory;
import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqStream;

/**
 * The {@value RemoteMemory#SERVICE} STOQ service: this node's memory
 * allocations, read, written and compared-and-swapped by their owners (or
 * grantees) from other nodes. Present while the registry and the memory
 * adapter are.
 */
@Component(service = StoqService.class, property = StoqService.SERVICE_PROPERTY + "=" + RemoteMemory.SERVICE)
public class RemoteMemoryService implements StoqService {

    private final RemoteAccessHandler handler;

    @Activate
    public RemoteMemoryService(@Reference AllocationDirectory directory, @Reference MemoryAccess memory) {
        this.handler = new RemoteAccessHandler(directory, backend(memory), MemoryAccess.MAX_TRANSFER);
    }

    static AllocationBackend backend(MemoryAccess memory) {
        return new AllocationBackend() {
            @Override
            public String kind() {
                return "memory";
            }

            @Override
            public long size(String id) throws AssetException {
                return memory.size(id);
            }

            @Override
            public byte[] read(String id, long offset, int length) throws AssetException {
                return memory.read(id, offset, length);
            }

            @Override
            public void write(String id, long offset, byte[] data) throws AssetException {
                memory.write(id, offset, data);
            }

            @Override
            public boolean compareAndSwapLong(String id, long offset, long expected, long replacement)
                    throws AssetException {
                return memory.compareAndSwapLong(id, offset, expected, replacement);
            }

            @Override
            public void flush(String id) {
                throw new IllegalArgumentException("memory has nothing to flush; flush is a storage operation");
            }
        };
    }

    @Override
    public void accept(StoqStream stream) throws IOException {
        handler.serve(stream);
    }
}
