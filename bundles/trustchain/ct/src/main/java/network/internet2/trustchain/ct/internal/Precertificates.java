package network.internet2.trustchain.ct.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.TBSCertificate;

/**
 * What RFC 6962 section 3.2 logs of a precertificate: the hash of its issuer's
 * public key and its TBSCertificate without the poison extension.
 *
 * <p>Our certificates are hybrid: {@code altSignatureValue} (2.5.29.74) is a
 * signature over the rest of the TBS, so it necessarily differs between the
 * precertificate and the final certificate (which adds the SCT list). It is
 * therefore left out of the logged TBS too, so that the SCT embedded in the
 * final certificate verifies against that certificate's TBS with the SCT list
 * and the alternative signature removed. A classical-only certificate has no
 * such extension and follows RFC 6962 exactly.
 */
final class Precertificates {

    /** The CT poison extension, critical, value ASN.1 NULL (RFC 6962 section 3.1). */
    static final ASN1ObjectIdentifier POISON = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3");
    /** The embedded SCT list extension (RFC 6962 section 3.3). */
    static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");
    /** X.509 (10/2019) altSignatureValue. */
    static final ASN1ObjectIdentifier ALT_SIGNATURE_VALUE = new ASN1ObjectIdentifier("2.5.29.74");

    private Precertificates() {
    }

    static boolean isPrecertificate(X509Certificate certificate) {
        return certificate.getCriticalExtensionOIDs() != null
                && certificate.getCriticalExtensionOIDs().contains(POISON.getId());
    }

    /** @return SHA-256 of the issuer's DER SubjectPublicKeyInfo */
    static byte[] issuerKeyHash(X509Certificate issuer) {
        return MerkleHashes.sha256().digest(issuer.getPublicKey().getEncoded());
    }

    /** @return the precertificate's TBS with the poison and alternative-signature extensions removed */
    static byte[] loggedTbs(X509Certificate precertificate) throws CertificateEncodingException {
        return tbsWithout(precertificate, Set.of(POISON, ALT_SIGNATURE_VALUE));
    }

    /** @return a final certificate's TBS as its precertificate was logged: without the SCT list and alt signature */
    static byte[] loggedTbsOfFinal(X509Certificate certificate) throws CertificateEncodingException {
        return tbsWithout(certificate, Set.of(SCT_LIST, ALT_SIGNATURE_VALUE));
    }

    private static byte[] tbsWithout(X509Certificate certificate, Set<ASN1ObjectIdentifier> removed)
            throws CertificateEncodingException {
        TBSCertificate tbs = TBSCertificate.getInstance(certificate.getTBSCertificate());
        List<Extension> kept = new ArrayList<>();
        Extensions extensions = tbs.getExtensions();
        if (extensions != null) {
            for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
                if (!removed.contains(oid)) {
                    kept.add(extensions.getExtension(oid));
                }
            }
        }
        TBSCertificate logged = new TBSCertificate(tbs.getVersion(), tbs.getSerialNumber(), tbs.getSignature(),
                tbs.getIssuer(), tbs.getValidity(), tbs.getSubject(), tbs.getSubjectPublicKeyInfo(),
                tbs.getIssuerUniqueId(), tbs.getSubjectUniqueId(),
                kept.isEmpty() ? null : new Extensions(kept.toArray(new Extension[0])));
        try {
            return logged.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new CertificateEncodingException("cannot re-encode the TBSCertificate: " + e.getMessage(), e);
        }
    }

    static MessageDigest sha256() {
        return MerkleHashes.sha256();
    }
}
