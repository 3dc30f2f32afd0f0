package network.internet2.trustchain.ca;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A certificate this CA issued, with its chain and revocation state.
 *
 * @param serial           the serial number
 * @param certificate      the certificate
 * @param chain            the issuing chain, intermediate first, root last
 * @param revokedAt        when it was revoked, or {@code null}
 * @param revocationReason why it was revoked, or {@code null}
 */
public record IssuedCertificate(BigInteger serial, X509Certificate certificate, List<X509Certificate> chain,
        Instant revokedAt, RevocationReason revocationReason) {

    public IssuedCertificate {
        chain = List.copyOf(chain);
    }

    /** @return whether this certificate has been revoked */
    public boolean revoked() {
        return revokedAt != null;
    }
}
