package network.internet2.stoq.transport.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One sender's path to a discard receiver in a bulk round: a STOQ stream or a TCP / TLS connection. It is
 * opened before the clock starts; the round writes to {@link #output()}, then {@link #finish()}es.
 */
interface Flow extends AutoCloseable {

    /** @return where the round writes its bytes */
    OutputStream output() throws IOException;

    /**
     * Ends this side of the flow and waits for the receiver's answer: the number of bytes it received,
     * 8 bytes big-endian (what {@link DiscardService} answers on STOQ and {@link TcpDiscardServer} on TCP).
     */
    long finish() throws IOException;

    /** Releases the flow, aborting it if unfinished; may be called more than once. */
    @Override
    void close();
}
