package network.internet2.stoq.transport.internal;

import java.net.InetSocketAddress;
import java.time.Duration;

import io.netty.handler.codec.quic.QuicChannel;
import network.internet2.stoq.PeerIdentity;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqStream;

/** A connection waiting for its {@link ConnectionGate}; see {@link ConnectionGate#admit(Admission)}. */
public interface Admission {

    /** @return the QUIC connection (its {@code sslEngine()} exposes the TLS session, e.g. for exporters) */
    QuicChannel channel();

    /** @return the peer as the {@link PeerCheck} identified it */
    PeerIdentity peer();

    /** @return whether this side opened the connection */
    boolean client();

    /** @return the peer's UDP address */
    InetSocketAddress remoteAddress();

    /**
     * Opens a bidirectional stream to the peer's gate (service
     * {@link ConnectionGate#ADMISSION_SERVICE}).
     */
    StoqStream openStream() throws StoqException;

    /**
     * Waits for the next admission stream the peer's gate opens.
     *
     * @throws StoqException if none arrives within the timeout or the connection closes
     */
    StoqStream acceptStream(Duration timeout) throws StoqException;
}
