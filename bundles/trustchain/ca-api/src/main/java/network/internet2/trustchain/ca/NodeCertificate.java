package network.internet2.trustchain.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate with its chain and private keys.
 *
 * @param chain                 the certificate first, then intermediate and root
 * @param privateKey            the classical private key the certificate certifies
 * @param alternativePrivateKey the FALCON-1024 private key named by the certificate's
 *                              alternative public key, or {@code null} for classical-only
 */
public record NodeCertificate(List<X509Certificate> chain, PrivateKey privateKey, PrivateKey alternativePrivateKey) {

    public NodeCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a node certificate needs at least its own certificate");
        }
    }

    /** @return the node's certificate itself */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "NodeCertificate[" + certificate().getSubjectX500Principal() + ", serial "
                + certificate().getSerialNumber().toString(16) + "]";
    }
}
