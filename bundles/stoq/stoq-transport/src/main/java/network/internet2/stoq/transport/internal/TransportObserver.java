package network.internet2.stoq.transport.internal;

/**
 * Hears of the transport's hot-path events that counters cannot express: how long each handshake took and how
 * fast each bulk stream went. Called on event loop or worker threads; an implementation must be quick and must
 * not throw. The endpoint holds {@link #NONE} until a metrics component sets another
 * ({@link StoqEndpoint#observe(TransportObserver)}).
 */
public interface TransportObserver {

    /** Streams that carried at least this many payload bytes in one direction are reported: 1 MiB. */
    long BULK_STREAM_BYTES = 1 << 20;

    /** Hears nothing. */
    TransportObserver NONE = new TransportObserver() {
    };

    /**
     * A connection finished its handshake: admitted (the TLS handshake, the certificate checks and the possession
     * proof all passed, and for the client the server confirmed it), or failed.
     *
     * @param client   whether this side opened the connection
     * @param admitted whether it was admitted
     * @param nanos    time from the start of the QUIC handshake to the outcome
     */
    default void handshakeFinished(boolean client, boolean admitted, long nanos) {
    }

    /**
     * A stream finished one direction after carrying at least {@link #BULK_STREAM_BYTES} payload bytes in it.
     *
     * @param payloadBytes the service data bytes (without stream headers and chunk prefixes)
     * @param nanos        time from the stream's opening to the end of that direction
     */
    default void bulkStreamFinished(long payloadBytes, long nanos) {
    }
}
