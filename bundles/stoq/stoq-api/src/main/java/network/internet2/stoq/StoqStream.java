package network.internet2.stoq;

import java.io.InputStream;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One QUIC stream. Reads block until data arrives or the peer finishes;
 * writes block while the peer's flow-control window is full (backpressure).
 */
@ProviderType
public interface StoqStream extends AutoCloseable {

    /** @return the service this stream was opened for */
    String service();

    /** @return whether both sides may write */
    boolean bidirectional();

    /** @return the peer at the other end */
    PeerIdentity peer();

    /** @return the data the peer sends; empty for a unidirectional stream this side opened */
    InputStream input();

    /** @return where to write to the peer; closing it finishes this side of the stream */
    OutputStream output();

    /** Closes both directions. */
    @Override
    void close();
}
