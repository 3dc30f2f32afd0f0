package network.internet2.stoq.transport.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectAltPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import network.internet2.stoq.PeerIdentity;
import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;
import network.internet2.trustchain.ca.NodeCertificate;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * A benchmark CA for the possession-proof case: like the test PKI (ECDSA P-256 root and leaves with a DNS
 * name), but every leaf also names a FALCON-1024 public key in its subjectAltPublicKeyInfo extension
 * (2.5.29.72) and comes with the FALCON private key, as the TrustChain CA issues them.
 */
final class FalconPki {

    private static final long VALIDITY_MILLIS = 3_600_000;

    private final CryptoSuite postQuantum;
    private final SecureRandom random = new SecureRandom();
    private final KeyPair rootKey;
    private final X509Certificate root;

    private FalconPki(CryptoSuite postQuantum, String name) throws Exception {
        this.postQuantum = postQuantum;
        this.rootKey = TestPki.ecKeyPair();
        X500Name subject = new X500Name("CN=" + name);
        root = sign(new JcaX509v3CertificateBuilder(subject, serial(), notBefore(), notAfter(), subject,
                rootKey.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)));
    }

    static FalconPki create(CryptoSuite postQuantum, String name) throws Exception {
        return new FalconPki(postQuantum, name);
    }

    /** @return a leaf for {@code dnsName} with its ECDSA and FALCON-1024 keys, chain leaf then root */
    NodeCertificate leaf(String dnsName) throws Exception {
        KeyPair classical = TestPki.ecKeyPair();
        KeyPair falcon = postQuantum.generateKeyPair(Algorithms.FALCON_1024);
        X509Certificate leaf = sign(new JcaX509v3CertificateBuilder(new X500Name(root.getSubjectX500Principal()
                .getName()), serial(), notBefore(), notAfter(), new X500Name("CN=" + dnsName), classical.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)))
                .addExtension(Extension.subjectAltPublicKeyInfo, false,
                        SubjectAltPublicKeyInfo.getInstance(falcon.getPublic().getEncoded())));
        return new NodeCertificate(List.of(leaf, root), classical.getPrivate(), falcon.getPrivate());
    }

    /** @return a check accepting valid chains issued by this root, as the test PKI's check does */
    PeerCheck check() {
        return chain -> {
            try {
                for (int i = 0; i + 1 < chain.size(); i++) {
                    chain.get(i).verify(chain.get(i + 1).getPublicKey());
                }
                X509Certificate last = chain.get(chain.size() - 1);
                if (!last.equals(root)) {
                    last.verify(root.getPublicKey());
                }
                for (X509Certificate certificate : chain) {
                    certificate.checkValidity();
                }
                return new PeerIdentity(dnsName(chain.get(0)), chain);
            } catch (Exception e) {
                throw new PeerRefusedException(RefusalReason.UNTRUSTED_ROOT, "the chain of "
                        + chain.get(0).getSubjectX500Principal() + " is not from the benchmark root: " + e);
            }
        };
    }

    private static String dnsName(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        if (names != null) {
            for (List<?> name : names) {
                if (Integer.valueOf(GeneralName.dNSName).equals(name.get(0))) {
                    return (String) name.get(1);
                }
            }
        }
        return certificate.getSubjectX500Principal().getName();
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKey.getPrivate())));
    }

    private BigInteger serial() {
        return new BigInteger(63, random);
    }

    private static Date notBefore() {
        return new Date(System.currentTimeMillis() - 60_000);
    }

    private static Date notAfter() {
        return new Date(System.currentTimeMillis() + VALIDITY_MILLIS);
    }
}
