package network.internet2.trustchain.ca.internal;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectAltPublicKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

import network.internet2.trustchain.ca.RevocationReason;
import network.internet2.trustchain.ca.ValidationResult;
import network.internet2.trustchain.ca.ValidationResult.Check;

/**
 * Validates a presented chain (leaf first) and names every check with its
 * outcome: {@code chain.anchor}, per certificate {@code [i].signature},
 * {@code [i].altSignature}, {@code [i].validity}, {@code [i].ca}, then
 * {@code leaf.revocation} and {@code leaf.name}. Never throws for a bad chain.
 */
final class ChainValidator {

    private final SuiteLookup suites;

    ChainValidator(SuiteLookup suites) {
        this.suites = suites;
    }

    ValidationResult validate(List<X509Certificate> chain, List<X509Certificate> trustedRoots,
            Function<BigInteger, RevocationReason> revocations, Instant now, String expectedName) {
        List<Check> checks = new ArrayList<>();
        if (chain.isEmpty()) {
            checks.add(new Check("chain.present", false, "no certificate was presented"));
            return new ValidationResult(checks);
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        X509Certificate last = path.get(path.size() - 1);
        X509Certificate anchor = trustedRoots.stream().filter(root -> same(root, last)).findFirst()
                .orElseGet(() -> trustedRoots.stream()
                        .filter(root -> root.getSubjectX500Principal().equals(last.getIssuerX500Principal()))
                        .findFirst().orElse(null));
        if (anchor == null) {
            checks.add(new Check("chain.anchor", false, "the chain does not lead to a trusted root (ends at "
                    + last.getIssuerX500Principal() + ")"));
        } else {
            checks.add(new Check("chain.anchor", true, "trusted root " + anchor.getSubjectX500Principal()));
            if (!same(anchor, last)) {
                path.add(anchor);
            }
        }
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : certificate;
            boolean isAnchor = anchor != null && same(certificate, anchor);
            if (i + 1 < path.size() || isAnchor) {
                checks.add(signature(i, certificate, issuer));
                checks.add(alternativeSignature(i, certificate, issuer));
            }
            checks.add(validity(i, certificate, now));
            if (i > 0) {
                checks.add(caConstraints(i, certificate));
            }
        }
        for (int i = 0; i < chain.size(); i++) {
            RevocationReason reason = revocations.apply(chain.get(i).getSerialNumber());
            String label = i == 0 ? "leaf.revocation" : "[" + i + "].revocation";
            checks.add(new Check(label, reason == null, reason == null ? "not revoked" : "revoked: " + reason));
        }
        if (expectedName != null) {
            checks.add(name(chain.get(0), expectedName));
        }
        return new ValidationResult(checks);
    }

    private Check signature(int i, X509Certificate certificate, X509Certificate issuer) {
        String label = "[" + i + "].signature";
        try {
            X509CertificateHolder holder = new X509CertificateHolder(certificate.getEncoded());
            boolean valid = holder.isSignatureValid(SuiteVerifierProvider.of(
                    SubjectPublicKeyInfo.getInstance(issuer.getPublicKey().getEncoded()), suites));
            return new Check(label, valid, valid ? "signed by " + issuer.getSubjectX500Principal()
                    : "signature does not verify with " + issuer.getSubjectX500Principal() + "'s key");
        } catch (Exception e) {
            return new Check(label, false, "cannot check: " + e.getMessage());
        }
    }

    private Check alternativeSignature(int i, X509Certificate certificate, X509Certificate issuer) {
        String label = "[" + i + "].altSignature";
        byte[] issuerAltKey = issuer.getExtensionValue(Extension.subjectAltPublicKeyInfo.getId());
        boolean signed = certificate.getExtensionValue(Extension.altSignatureValue.getId()) != null;
        if (issuerAltKey == null) {
            return new Check(label, !signed, signed ? "carries an alternative signature but its issuer has no "
                    + "alternative key" : "classical issuer: no alternative signature expected");
        }
        if (!signed) {
            return new Check(label, false, "issuer " + issuer.getSubjectX500Principal()
                    + " is hybrid but the certificate has no alternative signature");
        }
        try {
            X509CertificateHolder holder = new X509CertificateHolder(certificate.getEncoded());
            SubjectAltPublicKeyInfo altKey = SubjectAltPublicKeyInfo.fromExtensions(
                    new X509CertificateHolder(issuer.getEncoded()).getExtensions());
            boolean valid = holder.isAlternativeSignatureValid(SuiteVerifierProvider.of(
                    SubjectPublicKeyInfo.getInstance(altKey.toASN1Primitive()), suites));
            return new Check(label, valid, valid ? "FALCON-1024 signature by " + issuer.getSubjectX500Principal()
                    : "the FALCON-1024 alternative signature does not verify");
        } catch (Exception e) {
            return new Check(label, false, "cannot check: " + e.getMessage());
        }
    }

    /** A CA certificate, whose path-length constraint allows the {@code i - 1} CA certificates below it. */
    private static Check caConstraints(int i, X509Certificate certificate) {
        String label = "[" + i + "].ca";
        int pathLength = certificate.getBasicConstraints();
        if (pathLength < 0) {
            return new Check(label, false, "not a CA certificate");
        }
        if (i - 1 > pathLength) {
            return new Check(label, false, "its path length " + pathLength + " does not allow " + (i - 1)
                    + " CA certificates below it");
        }
        return new Check(label, true, "a CA certificate");
    }

    private static Check validity(int i, X509Certificate certificate, Instant now) {
        String label = i == 0 ? "leaf.validity" : "[" + i + "].validity";
        Date at = Date.from(now);
        if (at.before(certificate.getNotBefore())) {
            return new Check(label, false, "not valid before " + certificate.getNotBefore().toInstant());
        }
        if (at.after(certificate.getNotAfter())) {
            return new Check(label, false, "expired at " + certificate.getNotAfter().toInstant());
        }
        return new Check(label, true, "valid until " + certificate.getNotAfter().toInstant());
    }

    private static Check name(X509Certificate leaf, String expectedName) {
        String wanted = CsrReview.canonical(expectedName);
        try {
            GeneralNames names = GeneralNames.fromExtensions(new X509CertificateHolder(leaf.getEncoded())
                    .getExtensions(), Extension.subjectAlternativeName);
            if (names != null) {
                for (GeneralName name : names.getNames()) {
                    if (name.getTagNo() == GeneralName.dNSName
                            && CsrReview.canonical(name.getName().toString()).equals(wanted)) {
                        return new Check("leaf.name", true, "names " + wanted);
                    }
                }
            }
            return new Check("leaf.name", false, "does not name " + wanted);
        } catch (Exception e) {
            return new Check("leaf.name", false, "cannot read its names: " + e.getMessage());
        }
    }

    private static boolean same(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }
}
