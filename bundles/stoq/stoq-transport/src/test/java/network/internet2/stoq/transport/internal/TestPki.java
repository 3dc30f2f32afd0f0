package network.internet2.stoq.transport.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import network.internet2.stoq.PeerIdentity;
import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;

/** A tiny test CA (ECDSA P-256): a root and leaf certificates with a DNS name. */
final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final KeyPair rootKey;
    final X509Certificate root;

    private TestPki(String name) throws Exception {
        rootKey = ecKeyPair();
        X500Name subject = new X500Name("CN=" + name);
        long now = System.currentTimeMillis();
        root = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                BigInteger.valueOf(SERIAL.incrementAndGet()), new Date(now - 60_000), new Date(now + 3_600_000),
                subject, rootKey.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKey.getPrivate())));
    }

    static TestPki create(String name) throws Exception {
        return new TestPki(name);
    }

    static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** @return a fresh key and a leaf certificate for {@code dnsName}, chain leaf then root */
    NodeKeys leaf(String dnsName) throws Exception {
        KeyPair keys = ecKeyPair();
        long now = System.currentTimeMillis();
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name(root.getSubjectX500Principal().getName()), BigInteger.valueOf(SERIAL.incrementAndGet()),
                new Date(now - 60_000), new Date(now + 3_600_000), new X500Name("CN=" + dnsName), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKey.getPrivate())));
        return new NodeKeys(keys.getPrivate(), List.of(leaf, root));
    }

    /** @return a check accepting chains that end at this root, refusing others as UNTRUSTED_ROOT */
    PeerCheck check() {
        return chain -> {
            X509Certificate last = chain.get(chain.size() - 1);
            try {
                for (int i = 0; i + 1 < chain.size(); i++) {
                    chain.get(i).verify(chain.get(i + 1).getPublicKey());
                }
                if (!last.equals(root)) {
                    last.verify(root.getPublicKey());
                }
                for (X509Certificate certificate : chain) {
                    certificate.checkValidity();
                }
            } catch (Exception e) {
                throw new PeerRefusedException(RefusalReason.UNTRUSTED_ROOT,
                        "the chain of " + chain.get(0).getSubjectX500Principal().getName()
                                + " does not lead to the test root: " + e.getMessage());
            }
            return new PeerIdentity(firstDnsName(chain.get(0)), chain);
        };
    }

    private static String firstDnsName(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            List<String> dns = new ArrayList<>();
            if (names != null) {
                for (List<?> entry : names) {
                    if (Integer.valueOf(GeneralName.dNSName).equals(entry.get(0))) {
                        dns.add((String) entry.get(1));
                    }
                }
            }
            return dns.isEmpty() ? certificate.getSubjectX500Principal().getName() : dns.get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
