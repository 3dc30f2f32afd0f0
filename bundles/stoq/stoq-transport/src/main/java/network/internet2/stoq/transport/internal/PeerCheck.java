package network.internet2.stoq.transport.internal;

import java.security.cert.X509Certificate;
import java.util.List;

import network.internet2.stoq.PeerIdentity;
import network.internet2.stoq.PeerRefusedException;

/**
 * Decides whether a peer's certificate chain is acceptable. Called from the TLS
 * trust manager during every handshake, for the server's chain on the client
 * side and for the client's chain on the server side (mutual TLS).
 *
 * <p>A refusal fails the handshake. When the refusing side is the connecting
 * side, its caller gets a {@link PeerRefusedException} with the same reason;
 * every refusal is counted by reason.
 *
 * <p>Called on a transport handshake thread: it may block briefly (for example
 * to look up revocation data), but every blocking step must be bounded.
 */
@FunctionalInterface
public interface PeerCheck {

    /**
     * @param chain the chain the peer presented, leaf first, never empty
     * @return the identity the chain establishes
     * @throws PeerRefusedException if the peer is refused; the reason is reported and counted
     */
    PeerIdentity check(List<X509Certificate> chain) throws PeerRefusedException;

    /**
     * Checks the chain and records what it did in the connection's handshake trace. This default records the
     * whole check as one step, {@value #STEP}; a check made of several parts records each.
     */
    default PeerIdentity check(List<X509Certificate> chain, HandshakeRecorder trace) throws PeerRefusedException {
        long start = System.nanoTime();
        try {
            PeerIdentity identity = check(chain);
            trace.step(STEP, identity != null, identity == null ? "no identity established"
                    : "the peer's certificate chain is accepted (" + identity.name() + ")", start, System.nanoTime());
            return identity;
        } catch (PeerRefusedException e) {
            trace.step(STEP, false, e.getMessage(), start, System.nanoTime());
            throw e;
        }
    }

    /** The trace step of a check that records no finer steps. */
    String STEP = "certificate-check";
}
