package network.internet2.trustchain.ct.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A root, an intermediate and leaves (ordinary and precertificates), ECDSA P-256, built here for the tests. */
final class TestChains {

    private static final AtomicLong SERIALS = new AtomicLong(1000);

    final KeyPair rootKeys = keys();
    final X509Certificate root;
    final KeyPair intermediateKeys = keys();
    final X509Certificate intermediate;

    TestChains(String name) throws Exception {
        root = certificate("CN=" + name + " Root", rootKeys, "CN=" + name + " Root", rootKeys, true, false);
        intermediate = certificate("CN=" + name + " Intermediate", intermediateKeys, "CN=" + name + " Root",
                rootKeys, true, false);
    }

    List<X509Certificate> leafChain(String host) throws Exception {
        return List.of(certificate("CN=" + host, keys(), intermediate.getSubjectX500Principal().getName(),
                intermediateKeys, false, false), intermediate, root);
    }

    List<X509Certificate> precertChain(String host) throws Exception {
        return List.of(certificate("CN=" + host, keys(), intermediate.getSubjectX500Principal().getName(),
                intermediateKeys, false, true), intermediate, root);
    }

    /**
     * A precertificate and the certificate the CA then issues for it: the same fields, the poison replaced by
     * the SCT list the log answered ({@code sctList} is given once the precertificate has been logged).
     */
    X509Certificate leaf(String host, KeyPair keys, BigInteger serial, Instant notBefore, byte[] sctList)
            throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(intermediate.getSubjectX500Principal().getName()), serial, Date.from(notBefore),
                Date.from(notBefore.plus(1, ChronoUnit.DAYS)), new X500Name("CN=" + host), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (sctList == null) {
            builder.addExtension(Precertificates.POISON, true, DERNull.INSTANCE);
        } else {
            builder.addExtension(Precertificates.SCT_LIST, false, new org.bouncycastle.asn1.DEROctetString(sctList));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(intermediateKeys.getPrivate())));
    }

    static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            boolean ca, boolean poisoned) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name(subject), subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (poisoned) {
            builder.addExtension(Precertificates.POISON, true, DERNull.INSTANCE);
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
