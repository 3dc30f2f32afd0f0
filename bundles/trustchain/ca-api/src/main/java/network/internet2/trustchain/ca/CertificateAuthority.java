package network.internet2.trustchain.ca;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's embedded certificate authority. Every issued certificate is
 * durably recorded before a method returns it; every failure leaves the CA's
 * state unchanged.
 */
@ProviderType
public interface CertificateAuthority {

    /**
     * Issues a certificate for a PKCS#10 request.
     *
     * @throws InvalidRequestException if the CSR is malformed, its key is weak,
     *         its signature (or alternative signature) does not verify, or a
     *         name lies outside the node's zone
     * @throws CaUnavailableException if a crypto suite or the CT log it needs is absent
     */
    IssuedCertificate issue(CertificateRequest request) throws CaException;

    /**
     * Issues a new certificate with the same subject, names and key as an
     * existing one, valid from now.
     *
     * @throws UnknownCertificateException if no certificate has this serial
     */
    IssuedCertificate renew(BigInteger serial) throws CaException;

    /**
     * Revokes a certificate; the next CRL lists it.
     *
     * @throws UnknownCertificateException if no certificate has this serial
     */
    IssuedCertificate revoke(BigInteger serial, RevocationReason reason) throws CaException;

    /** @return the certificate with this serial, if this CA issued one */
    Optional<IssuedCertificate> find(BigInteger serial);

    /** @return every certificate this CA issued, oldest first */
    List<IssuedCertificate> list();

    /** @return the current root certificate */
    X509Certificate root();

    /** @return the chain new certificates are issued under: intermediate first, root last */
    List<X509Certificate> issuingChain();

    /** @return a freshly signed certificate revocation list */
    X509CRL crl() throws CaException;

    /**
     * Validates a presented chain (leaf first): classical and alternative
     * signatures, validity period, revocation, and optionally the name.
     *
     * @param chain        the presented chain, leaf first
     * @param expectedName a DNS name the leaf must carry, or {@code null} for none
     * @return every check with its outcome; never throws for a bad chain
     */
    ValidationResult validate(List<X509Certificate> chain, String expectedName);

    /**
     * Starts an intermediate rotation now: a new intermediate is issued and
     * used for new certificates, the old one stays valid until its leaves
     * have moved over.
     */
    void rotateIntermediate() throws CaException;

    /**
     * Rotates the root: a new self-signed root, cross-signed by the current
     * one (so peers that still trust only the old root accept chains through
     * the cross certificate), and a new intermediate under it. The old root
     * stays trusted until it expires, so every certificate issued before keeps
     * validating.
     *
     * @since 1.1
     */
    void rotateRoot() throws CaException;

    /** @return the roots this CA trusts now: the current one first, then earlier roots still valid */
    List<X509Certificate> trustedRoots();

    /**
     * @return the cross certificates linking each newer root to its predecessor
     *         (subject: the newer root, issuer: the older one), oldest first
     */
    List<X509Certificate> crossCertificates();
}
