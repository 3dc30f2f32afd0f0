package network.internet2.hypermesh.consensus.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import network.internet2.trustchain.ca.NodeCertificate;

/** A test root CA and node certificates (ECDSA P-256) it issues, with a chain check trusting that root. */
final class TestNode {

    private final KeyPair rootKeys;
    private final X509Certificate root;
    private long serial = 1;

    TestNode() throws Exception {
        rootKeys = ecKeys();
        long now = System.currentTimeMillis();
        X500Name name = new X500Name("CN=consensus test root");
        root = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(serial++), new Date(now - 60_000), new Date(now + 86_400_000), name,
                rootKeys.getPublic()).addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
    }

    /** @return a node certificate for {@code dnsName} issued by the test root, with its key */
    NodeCertificate node(String dnsName) throws Exception {
        KeyPair keys = ecKeys();
        long now = System.currentTimeMillis();
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=consensus test root"), BigInteger.valueOf(serial++), new Date(now - 60_000),
                new Date(now + 86_400_000), new X500Name("CN=" + dnsName), keys.getPublic())
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
        return new NodeCertificate(List.of(leaf, root), keys.getPrivate(), null);
    }

    /** Accepts chains whose leaf the test root signed and whose last certificate is the root. */
    ConsensusCore.ChainCheck check() {
        return (chain, identity) -> {
            try {
                chain.get(0).verify(root.getPublicKey());
                return chain.get(chain.size() - 1).equals(root) ? Optional.empty()
                        : Optional.of("the chain does not end at the trusted root");
            } catch (Exception e) {
                return Optional.of("not issued by the trusted root: " + e.getMessage());
            }
        };
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
