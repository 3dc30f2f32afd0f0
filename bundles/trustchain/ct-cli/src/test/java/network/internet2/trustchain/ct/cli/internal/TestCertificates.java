package network.internet2.trustchain.ct.cli.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Real certificates and precertificates for the tests, made with BouncyCastle and the JDK's EC keys. */
final class TestCertificates {

    /** The CT poison extension (RFC 6962 section 3.1): critical, ASN.1 NULL. */
    static final String POISON = "1.3.6.1.4.1.11129.2.4.3";
    static final String ISSUER = "CN=TrustChain Test CA, O=Internet 2.0";
    static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");

    private static final KeyPair KEYS = keyPair();

    private TestCertificates() {
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate issued by {@link #ISSUER} (signed with one test key). */
    static X509Certificate certificate(String subject, BigInteger serial, Instant notAfter) throws Exception {
        return build(subject, serial, notAfter, false, null);
    }

    /** A precertificate: the same, with the critical poison extension. */
    static X509Certificate precertificate(String subject, BigInteger serial, Instant notAfter) throws Exception {
        return build(subject, serial, notAfter, true, null);
    }

    /** A certificate whose subject is empty, the name being only a dNSName of its subjectAltName. */
    static X509Certificate withoutSubject(String dnsName, BigInteger serial, Instant notAfter) throws Exception {
        return build("", serial, notAfter, false, dnsName);
    }

    private static X509Certificate build(String subject, BigInteger serial, Instant notAfter, boolean poison,
            String dnsName) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(ISSUER), serial,
                Date.from(NOT_BEFORE), Date.from(notAfter), new X500Name(subject), KEYS.getPublic());
        if (poison) {
            builder.addExtension(new ASN1ObjectIdentifier(POISON), true, DERNull.INSTANCE);
        }
        if (dnsName != null) {
            builder.addExtension(Extension.subjectAlternativeName, true,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(KEYS.getPrivate())));
    }
}
