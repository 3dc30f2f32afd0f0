package network.internet2.hypermesh.remote.internal;

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
        return exchange.size(target);
    }

    @Override
    public byte[] read(RemoteTarget target, long offset, int length) throws AssetException {
        return exchange.read(target, offset, length, MAX_TRANSFER);
    }

    @Override
    public void write(RemoteTarget target, long offset, byte[] data) throws AssetException {
        exchange.write(target, offset, data, MAX_TRANSFER);
    }

    @Override
    public void flush(RemoteTarget target) throws AssetException {
        exchange.exchange(target, RemoteRequest.flush(target.proxyAddress()), 0);
    }
}
