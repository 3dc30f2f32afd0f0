package network.internet2.hypermesh.remote.internal;

import java.nio.ByteBuffer;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.remote.RemoteStorage;
import network.internet2.hypermesh.remote.RemoteTarget;
import network.internet2.stoq.StoqTransport;

/** {@link RemoteStorage} over the node's STOQ transport, one stream per call. */
@Component(service = RemoteStorage.class)
public class RemoteStorageClient implements RemoteStorage {

    private final RemoteExchange exchange;

    @Activate
    public RemoteStorageClient(@Reference(policyOption = ReferencePolicyOption.GREEDY) StoqTransport transport) {
        this.exchange = new RemoteExchange(transport, SERVICE);
    }

    @Override
    public long size(RemoteTarget target) throws AssetException {
        return ByteBuffer.wrap(exchange.exchange(target, RemoteRequest.size(target.proxyAddress()), Long.BYTES))
                .getLong();
    }

    @Override
    public byte[] read(RemoteTarget target, long offset, int length) throws AssetException {
        RemoteExchange.checkRange(offset, length, MAX_TRANSFER);
        byte[] data = exchange.exchange(target, RemoteRequest.read(target.proxyAddress(), offset, length), length);
        if (data.length != length) {
            throw new AssetException(target.node() + " returned " + data.length + " bytes for a read of " + length);
        }
        return data;
    }

    @Override
    public void write(RemoteTarget target, long offset, byte[] data) throws AssetException {
        Objects.requireNonNull(data, "data");
        RemoteExchange.checkRange(offset, data.length, MAX_TRANSFER);
        exchange.exchange(target, RemoteRequest.write(target.proxyAddress(), offset, data), 0);
    }

    @Override
    public void flush(RemoteTarget target) throws AssetException {
        exchange.exchange(target, RemoteRequest.flush(target.proxyAddress()), 0);
    }
}
