package network.internet2.stoq;

import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ProviderType;

/** An established, mutually authenticated QUIC connection to one peer. */
@ProviderType
public interface StoqConnection extends AutoCloseable {

    /** @return the authenticated peer */
    PeerIdentity peer();

    /** @return the peer's address */
    InetSocketAddress remoteAddress();

    /**
     * Opens a bidirectional stream to a service of the peer.
     *
     * @param service the {@link StoqService#SERVICE_PROPERTY} value on the peer
     * @throws StoqException if the connection is closed or its stream limit is reached
     */
    StoqStream openStream(String service) throws StoqException;

    /** Opens a unidirectional stream (this side writes, the peer reads). */
    StoqStream openUnidirectionalStream(String service) throws StoqException;

    /**
     * The validation steps this connection went through while it was established (name resolution, the QUIC and
     * TLS 1.3 handshake, the peer's certificate checks, the post-quantum possession proof, …), each timed where it
     * happened. When the other end is this same transport (the node connected to itself), that end's checks of
     * this node's certificate are included as {@link HandshakeStep.Side#SERVER} steps.
     *
     * @return the steps recorded for this connection
     * @since 1.1
     */
    HandshakeTrace handshakeTrace();

    /** @return whether the connection can still carry new streams */
    boolean isOpen();

    /** Closes the connection and every stream on it. */
    @Override
    void close();
}
