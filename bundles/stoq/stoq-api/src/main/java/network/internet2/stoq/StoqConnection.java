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

    /** @return whether the connection can still carry new streams */
    boolean isOpen();

    /** Closes the connection and every stream on it. */
    @Override
    void close();
}
