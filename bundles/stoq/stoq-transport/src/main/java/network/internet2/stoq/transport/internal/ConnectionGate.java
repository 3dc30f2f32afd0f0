package network.internet2.stoq.transport.internal;

import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.StoqException;

/**
 * Admits a peer after a successful TLS handshake and before any application
 * stream is opened or accepted on the connection; the post-quantum possession
 * proof runs here.
 *
 * <p>{@link #admit(Admission)} runs once per connection, on both sides, on a
 * transport worker thread (never the event loop), so it may block. It must
 * finish within the handshake timeout, counted from the start of the
 * connection, or the connection is refused with
 * {@link network.internet2.stoq.RefusalReason#HANDSHAKE_TIMEOUT}. It may
 * exchange messages with the peer's gate over streams opened with
 * {@link Admission#openStream()} and received with
 * {@link Admission#acceptStream(java.time.Duration)}; those streams carry the
 * service name {@link #ADMISSION_SERVICE} and are never routed to services.
 * Application streams the peer opens meanwhile wait until admission completes.
 */
@FunctionalInterface
public interface ConnectionGate {

    /** The service name of streams that belong to the admission exchange. */
    String ADMISSION_SERVICE = "stoq.admission";

    /** A gate that admits every peer whose certificate passed the {@link PeerCheck}. */
    ConnectionGate ADMIT_ALL = admission -> { };

    /**
     * @param admission the connection being admitted
     * @throws PeerRefusedException to refuse the peer; the reason is counted and
     *         reported to the connecting caller, the connection is closed
     * @throws StoqException if admission could not be carried out
     */
    void admit(Admission admission) throws PeerRefusedException, StoqException;

    /** @return the name of the admission's step in the handshake trace */
    default String traceName() {
        return "admission";
    }

    /** @return what a successful admission established, for the handshake trace */
    default String traceDetail(boolean client) {
        return "the connection gate admitted the peer";
    }
}
