package network.internet2.stoq.transport.internal;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;

/** The STOQ endpoints of one case: started on [::1], all closed together, last started first. */
final class Endpoints implements AutoCloseable {

    /** Serves {@link DiscardService} and nothing else. */
    static final ServiceDirectory DISCARD_ONLY = discardOnly();
    static final ServiceDirectory NO_SERVICES = name -> Optional.empty();

    private final Deque<StoqEndpoint> started = new ArrayDeque<>();

    /** Starts an endpoint; names are never resolved (connections go to [::1] literals). */
    StoqEndpoint start(TransportSettings settings, NodeKeys keys, PeerCheck check, ConnectionGate gate,
            ServiceDirectory services) throws StoqException {
        StoqEndpoint endpoint = new StoqEndpoint(settings, () -> keys, check, gate, services, name -> List.of());
        started.push(endpoint);
        endpoint.start();
        return endpoint;
    }

    /** @return the listener of {@code server}, on [::1] */
    static InetSocketAddress listener(StoqEndpoint server) {
        return server.listeners().get(0);
    }

    /**
     * Closes a connection and waits (at most 5 s) until its channel has closed, so that the endpoint's
     * per-peer pool no longer offers it and the next connect makes a new connection.
     */
    static void closeAndWait(StoqConnection connection) {
        connection.close();
        Channel channel = connection instanceof QuicConnection quic ? quic.channel() : null;
        if (channel != null) {
            channel.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private static ServiceDirectory discardOnly() {
        DiscardService discard = new DiscardService();
        return name -> DiscardService.NAME.equals(name) ? Optional.of(discard) : Optional.empty();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }
}
