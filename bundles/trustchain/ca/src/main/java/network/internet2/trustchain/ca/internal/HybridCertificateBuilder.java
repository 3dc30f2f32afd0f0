package network.internet2.trustchain.ca.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectAltPublicKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.RuntimeOperatorException;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CaUnavailableException;

/**
 * Builds the three kinds of certificate the CA signs — root, intermediate and
 * leaf — with their extensions. When the issuer is hybrid, the certificate
 * also carries a FALCON-1024 alternative signature ({@code altSignatureAlgorithm},
 * {@code altSignatureValue}); when the subject has a post-quantum key, it is
 * named in {@code subjectAltPublicKeyInfo}.
 */
final class HybridCertificateBuilder {

    /** What a certificate is for. */
    enum Profile {
        ROOT, INTERMEDIATE, LEAF
    }

    /**
     * The subject of a new certificate.
     *
     * @param name           its distinguished name
     * @param publicKey      its classical public key
     * @param alternativeKey its FALCON-1024 public key, or {@code null}
     * @param dnsNames       DNS subject alternative names (leaves only)
     */
    record Subject(X500Name name, SubjectPublicKeyInfo publicKey, SubjectPublicKeyInfo alternativeKey,
            List<String> dnsNames) {
    }

    private final SuiteLookup suites;
    private final SecureRandom random;
    private final JcaX509CertificateConverter converter =
            new JcaX509CertificateConverter().setProvider(new BouncyCastleProvider());

    HybridCertificateBuilder(SuiteLookup suites, SecureRandom random) {
        this.suites = suites;
        this.random = random;
    }

    /** A fresh positive 127-bit serial number (RFC 5280: at most 20 octets, unpredictable). */
    BigInteger newSerial() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[0] &= 0x7f;
        bytes[0] |= 0x40;
        return new BigInteger(1, bytes);
    }

    /**
     * Signs a certificate for {@code subject}. {@code issuer} is {@code null}
     * for a self-signed root, whose keys are then {@code selfKeys}.
     */
    X509Certificate build(Profile profile, Subject subject, Authority issuer, Authority selfKeys, BigInteger serial,
            Instant notBefore, Instant notAfter) throws CaException {
        return build(profile, subject, issuer, selfKeys, serial, notBefore, notAfter, java.util.List.of());
    }

    /**
     * As above, with {@code extra} extensions on the certificate (the CT poison
     * of a precertificate, or the SCT list of the final certificate).
     */
    X509Certificate build(Profile profile, Subject subject, Authority issuer, Authority selfKeys, BigInteger serial,
            Instant notBefore, Instant notAfter, java.util.List<Extension> extra) throws CaException {
        Authority signer = issuer != null ? issuer : selfKeys;
        X500Name issuerName = issuer != null ? issuer.name() : subject.name();
        SubjectPublicKeyInfo issuerKey = issuer != null ? issuer.publicKey() : subject.publicKey();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuerName, serial, Date.from(notBefore),
                Date.from(notAfter), subject.name(), subject.publicKey());
        BcX509ExtensionUtils extensionUtils = new BcX509ExtensionUtils(); // holds a digest: one per certificate
        try {
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensionUtils.createSubjectKeyIdentifier(subject.publicKey()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensionUtils.createAuthorityKeyIdentifier(issuerKey));
            switch (profile) {
                case ROOT -> {
                    // path length 2: root, then a cross certificate to its successor, then an intermediate
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(2));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case INTERMEDIATE -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case LEAF -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                            subject.dnsNames().stream().map(dns -> new GeneralName(GeneralName.dNSName, dns))
                                    .toArray(GeneralName[]::new)));
                }
                default -> throw new IllegalStateException(profile.name());
            }
            for (Extension extension : extra) {
                builder.addExtension(extension);
            }
            if (subject.alternativeKey() != null) {
                builder.addExtension(Extension.subjectAltPublicKeyInfo, false,
                        SubjectAltPublicKeyInfo.getInstance(subject.alternativeKey().toASN1Primitive()));
            }
        } catch (IOException e) {
            throw new CaException("cannot encode certificate extensions: " + e.getMessage(), e);
        }
        ContentSigner classical = SuiteContentSigner.of(signer.classicalAlgorithm(), signer.classicalKey(), suites);
        try {
            X509CertificateHolder holder = signer.hybrid()
                    ? builder.build(classical, false, SuiteContentSigner.of(
                            network.internet2.trustchain.crypto.Algorithms.FALCON_1024, signer.alternativeKey(), suites))
                    : builder.build(classical);
            return converter.getCertificate(holder);
        } catch (RuntimeOperatorException e) {
            throw new CaUnavailableException("signing failed: " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new CaException("cannot encode the certificate: " + e.getMessage(), e);
        }
    }
}
