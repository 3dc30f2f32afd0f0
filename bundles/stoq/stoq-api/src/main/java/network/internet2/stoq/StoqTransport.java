package network.internet2.stoq;

import java.net.InetSocketAddress;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The node's QUIC transport: its listeners and its pooled client connections. */
@ProviderType
public interface StoqTransport {

    /** The ALPN protocol identifier every STOQ connection negotiates. */
    String ALPN = "stoq/1";

    /**
     * Connects to a peer by name, resolved only through the stack's
     * {@code NameService}; an existing connection to the same peer is reused.
     *
     * @throws StoqException if the name does not resolve or the connection fails
     * @throws PeerRefusedException if the peer's certificate is refused, with the reason
     */
    StoqConnection connect(String name, int port) throws StoqException;

    /**
     * Opens a new connection to a peer by name, resolved only through the stack's {@code NameService}, with the
     * whole handshake and admission: unlike {@link #connect(String, int)} it never reuses a pooled connection,
     * and the new one is not pooled either, so no other caller gets it. For diagnostics, such as tracing every
     * validation step ({@link StoqConnection#handshakeTrace()}). The caller must close it.
     *
     * @throws StoqException if the name does not resolve or the connection fails; its
     *         {@link StoqException#handshakeTrace()} holds the steps up to the failure
     * @throws PeerRefusedException if the peer's certificate is refused, with the reason
     * @since 1.1
     */
    StoqConnection connectNew(String name, int port) throws StoqException;

    /**
     * Connects to a peer by IPv6 address.
     *
     * @throws StoqException if the address is IPv4 or IPv4-mapped, or the connection fails
     * @throws PeerRefusedException if the peer's certificate is refused, with the reason
     */
    StoqConnection connect(InetSocketAddress address) throws StoqException;

    /** @return the addresses this transport listens on */
    List<InetSocketAddress> listeners();
}
