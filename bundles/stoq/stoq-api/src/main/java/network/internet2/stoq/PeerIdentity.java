package network.internet2.stoq;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A peer as its validated certificate names it.
 *
 * @param name  the peer's DNS name (the first DNS subject alternative name)
 * @param chain the chain it presented, leaf first
 */
public record PeerIdentity(String name, List<X509Certificate> chain) {

    public PeerIdentity {
        chain = List.copyOf(chain);
    }

    /** @return the peer's leaf certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
