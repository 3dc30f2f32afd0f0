package network.internet2.hypermesh.remote.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.remote.RemoteTarget;
import network.internet2.hypermesh.remote.internal.RemoteResponse.Status;
import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqStream;
import network.internet2.stoq.StoqTransport;

/**
 * Sends one request on its own stream of the transport's pooled connection
 * to the target node (by name through the stack's DNS, or by IPv6 literal)
 * and returns the result, turning the node's refusals into exceptions with
 * its reason: {@code BAD_REQUEST} (bounds, malformed) as
 * {@link IllegalArgumentException}, the rest as {@link AssetException}.
 */
final class RemoteExchange {

    private final StoqTransport transport;
    private final String service;

    RemoteExchange(StoqTransport transport, String service) {
        this.transport = transport;
        this.service = service;
    }

    byte[] exchange(RemoteTarget target, RemoteRequest request, int maxResult) throws AssetException {
        RemoteResponse response;
        try (StoqStream stream = connect(target).openStream(service)) {
            OutputStream out = stream.output();
            request.writeTo(out);
            out.close();
            response = RemoteResponse.readFrom(stream.input(), maxResult);
        } catch (StoqException e) {
            throw new AssetException("cannot reach " + target.node() + " port " + target.port() + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new AssetException("the " + service + " exchange with " + target.node() + " failed: "
                    + e.getMessage(), e);
        }
        if (response.status() == Status.OK) {
            return response.body();
        }
        String reason = target.node() + " answered " + response.status() + ": " + response.reason();
        if (response.status() == Status.BAD_REQUEST) {
            throw new IllegalArgumentException(reason);
        }
        throw new AssetException(reason);
    }

    private StoqConnection connect(RemoteTarget target) throws StoqException {
        String node = target.node();
        if (node.indexOf(':') >= 0) {
            InetAddress literal;
            try {
                literal = InetAddress.getByName(node.startsWith("[") ? node : "[" + node + "]");
            } catch (UnknownHostException e) {
                throw new StoqException("'" + node + "' is not an IPv6 literal");
            }
            return transport.connect(new InetSocketAddress(literal, target.port()));
        }
        return transport.connect(node, target.port());
    }

    /** @return the allocation's size in bytes */
    long size(RemoteTarget target) throws AssetException {
        return ByteBuffer.wrap(exchange(target, RemoteRequest.size(target.proxyAddress()), Long.BYTES))
                .getLong();
    }

    /** @return exactly {@code length} bytes from {@code offset} */
    byte[] read(RemoteTarget target, long offset, int length, int maxTransfer) throws AssetException {
        checkRange(offset, length, maxTransfer);
        byte[] data = exchange(target, RemoteRequest.read(target.proxyAddress(), offset, length), length);
        if (data.length != length) {
            throw new AssetException(target.node() + " returned " + data.length + " bytes for a read of " + length);
        }
        return data;
    }

    void write(RemoteTarget target, long offset, byte[] data, int maxTransfer) throws AssetException {
        Objects.requireNonNull(data, "data");
        checkRange(offset, data.length, maxTransfer);
        exchange(target, RemoteRequest.write(target.proxyAddress(), offset, data), 0);
    }

    static void checkRange(long offset, int length, int maxTransfer) {
        if (offset < 0) {
            throw new IllegalArgumentException("the offset cannot be negative: " + offset);
        }
        if (length < 0 || length > maxTransfer) {
            throw new IllegalArgumentException("a transfer moves between 0 and " + maxTransfer + " bytes, not "
                    + length);
        }
    }
}
