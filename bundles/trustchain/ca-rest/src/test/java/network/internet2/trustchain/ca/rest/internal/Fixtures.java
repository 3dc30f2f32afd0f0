package network.internet2.trustchain.ca.rest.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Real keys, CSRs, certificates and CRLs for the tests, made with the JDK and BouncyCastle. */
final class Fixtures {

    private Fixtures() {
    }

    static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** DER of a PKCS#10 request for {@code name} (CN and DNS SAN). */
    static byte[] csr(String name) throws Exception {
        KeyPair key = ecKey();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + name), key.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(signer(key)).getEncoded();
    }

    /** A self-signed certificate; a CA certificate when {@code ca}. */
    static X509Certificate certificate(String commonName, BigInteger serial, boolean ca) throws Exception {
        KeyPair key = ecKey();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + commonName);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial,
                Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                key.getPublic());
        builder.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(0) : new BasicConstraints(false));
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
    }

    /** A CRL listing {@code revoked}, signed with a fresh key. */
    static X509CRL crl(BigInteger revoked) throws Exception {
        KeyPair key = ecKey();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name("CN=Test CA"), new Date());
        builder.addCRLEntry(revoked, new Date(), 1);
        return new JcaX509CRLConverter().getCRL(builder.build(signer(key)));
    }

    private static ContentSigner signer(KeyPair key) throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate());
    }
}
