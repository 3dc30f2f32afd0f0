package network.internet2.hypermesh.remote.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AllocationDirectory;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.remote.internal.RemoteResponse.Status;
import network.internet2.stoq.StoqStream;

/**
 * Serves one remote-asset request per stream: reads it, looks its proxy
 * address up in the {@link AllocationDirectory} as the caller's certificate
 * identity, runs it against the {@link AllocationBackend} and answers. A
 * request that is malformed, refused or out of bounds is answered with the
 * reason and changes nothing.
 */
final class RemoteAccessHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteAccessHandler.class);

    private final AllocationDirectory directory;
    private final AllocationBackend backend;
    private final int maxTransfer;

    RemoteAccessHandler(AllocationDirectory directory, AllocationBackend backend, int maxTransfer) {
        this.directory = directory;
        this.backend = backend;
        this.maxTransfer = maxTransfer;
    }

    void serve(StoqStream stream) throws IOException {
        String identity = stream.peer().name();
        RemoteResponse response;
        try {
            response = handle(RemoteRequest.readFrom(stream.input(), maxTransfer), identity);
        } catch (MalformedRequestException e) {
            response = RemoteResponse.error(Status.BAD_REQUEST, e.getMessage());
        }
        if (response.status() != Status.OK) {
            LOG.debug("Remote {} request of {} answered {}: {}", backend.kind(), identity, response.status(),
                    response.reason());
        }
        OutputStream out = stream.output();
        response.writeTo(out);
        out.close();
    }

    RemoteResponse handle(RemoteRequest request, String identity) {
        try {
            Allocation allocation = directory.authorize(request.proxyAddress(), backend.kind(), identity);
            return RemoteResponse.ok(run(request, allocation.id()));
        } catch (AssetException e) {
            return RemoteResponse.error(Status.REFUSED, e.getMessage());
        } catch (IllegalArgumentException e) {
            return RemoteResponse.error(Status.BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Serving a remote {} {} failed", backend.kind(), request.op(), e);
            return RemoteResponse.error(Status.FAILED, "the node failed to serve it: " + e);
        }
    }

    private byte[] run(RemoteRequest request, String id) throws AssetException {
        switch (request.op()) {
            case SIZE:
                return ByteBuffer.allocate(Long.BYTES).putLong(backend.size(id)).array();
            case READ:
                return backend.read(id, request.offset(), request.length());
            case WRITE:
                backend.write(id, request.offset(), request.data());
                return new byte[0];
            case COMPARE_AND_SWAP:
                boolean swapped = backend.compareAndSwapLong(id, request.offset(), request.expected(),
                        request.replacement());
                return new byte[] {(byte) (swapped ? 1 : 0)};
            case FLUSH:
                backend.flush(id);
                return new byte[0];
            default:
                throw new IllegalArgumentException("operation " + request.op() + " is not served");
        }
    }
}
