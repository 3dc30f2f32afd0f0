package network.internet2.trustchain.ca.internal;

import java.security.cert.X509Certificate;
import java.util.List;

import network.internet2.trustchain.ca.CaException;

/**
 * Where the CA logs precertificates before it issues (RFC 6962 section 3.1).
 */
interface PrecertificateLog {

    /** Issue without Certificate Transparency (tests, and nodes configured so). */
    PrecertificateLog NONE = chain -> null;

    /**
     * Logs {@code chain} (the poisoned precertificate, then its issuer and root).
     *
     * @return the TLS-encoded {@code SignedCertificateTimestampList} to embed in the
     *         final certificate, or {@code null} to issue without one
     * @throws CaException if the log cannot accept it; nothing is issued then
     */
    byte[] log(List<X509Certificate> chain) throws CaException;
}
