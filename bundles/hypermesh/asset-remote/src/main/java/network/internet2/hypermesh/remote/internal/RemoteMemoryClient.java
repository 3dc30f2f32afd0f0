package network.internet2.hypermesh.remote.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.remote.RemoteMemory;
import network.internet2.hypermesh.remote.RemoteTarget;
import network.internet2.stoq.StoqTransport;

/** {@link RemoteMemory} over the node's STOQ transport, one stream per call. */
@Component(service = RemoteMemory.class)
public class RemoteMemoryClient implements RemoteMemory {

    private final RemoteExchange exchange;

    @Activate
    public RemoteMemoryClient(@Reference(policyOption = ReferencePolicyOption.GREEDY) StoqTransport transport) {
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
    public boolean compareAndSwapLong(RemoteTarget target, long offset, long expected, long replacement)
            throws AssetException {
        RemoteExchange.checkRange(offset, 0, MAX_TRANSFER);
        byte[] swapped = exchange.exchange(target,
                RemoteRequest.compareAndSwap(target.proxyAddress(), offset, expected, replacement), 1);
        if (swapped.length != 1) {
            throw new AssetException(target.node() + " answered a compare-and-swap with " + swapped.length
                    + " bytes");
        }
        return swapped[0] == 1;
    }
}
