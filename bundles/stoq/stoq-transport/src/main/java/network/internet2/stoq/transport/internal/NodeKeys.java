package network.internet2.stoq.transport.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * This node's TLS key material: its private key and the certificate chain (leaf
 * first) that goes with it. The endpoint reads a {@code Supplier<NodeKeys>} at
 * every handshake, so a renewed certificate is used by the next connection
 * without a restart.
 *
 * @param key   the private key of the leaf certificate
 * @param chain the certificate chain, leaf first
 */
public record NodeKeys(PrivateKey key, List<X509Certificate> chain) {

    public NodeKeys {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the certificate chain of the node keys is empty; it needs at least the leaf");
        }
        chain = List.copyOf(chain);
    }

    /** @return the leaf certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
