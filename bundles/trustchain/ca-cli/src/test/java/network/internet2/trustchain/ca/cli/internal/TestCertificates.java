package network.internet2.trustchain.ca.cli.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;

/** Real certificates and requests for the tests, made with BouncyCastle and the JDK's EC keys. */
final class TestCertificates {

    private TestCertificates() {
    }

    static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /**
     * A self-signed certificate.
     *
     * @param hybrid whether to add a subjectAltPublicKeyInfo extension (2.5.29.72)
     */
    static X509Certificate certificate(String subject, BigInteger serial, Instant notBefore, Instant notAfter,
            boolean hybrid) throws Exception {
        KeyPair keys = ecKeyPair();
        X500Name name = new X500Name(subject);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(notBefore),
                Date.from(notAfter), name, keys.getPublic());
        if (hybrid) {
            // any SubjectPublicKeyInfo has the shape of SubjectAltPublicKeyInfo; only the extension's presence matters
            builder.addExtension(new ASN1ObjectIdentifier(Format.ALT_PUBLIC_KEY_EXTENSION), false,
                    SubjectPublicKeyInfo.getInstance(ecKeyPair().getPublic().getEncoded()));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    /** A PKCS#10 request for {@code dnsName} (as CN and as dNSName), DER-encoded. */
    static byte[] certificationRequest(String dnsName) throws Exception {
        KeyPair keys = ecKeyPair();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + dnsName),
                keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        return request.getEncoded();
    }
}
