package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;
import static org.apache.karaf.features.FeaturesService.Option.NoAutoRefreshBundles;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.quic.BoringSSLContextOption;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;
import network.internet2.stoq.StoqTransport;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * Peers the node's STOQ listener must refuse at the handshake, each with its
 * reason counted in {@code /health}: a certificate from a root the node does not
 * trust, one the CA revoked, one that expired, one issued without an SCT (the
 * CA configured to issue while the CT log was stopped), one whose FALCON-1024
 * alternative signature is bad and one with a forged SCT (both re-signed with the
 * intermediate's keys read from disk, as an attacker holding them could); and, with the CA feature
 * uninstalled, every new handshake fails with {@code ca-unavailable} until it is
 * installed again. The refused peers are plain Netty QUIC clients presenting the
 * given certificate (offering the hybrid post-quantum group, as STOQ requires).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoqTrustIT extends Internet2TestSupport {

    @Override
    protected boolean bootInternet2() {
        return false;
    }

    @Override
    protected String[] extraBootFeatures() {
        return new String[] {"crypto-classical", "crypto-pq", "trustchain-ca", "trustchain-dns", "stoq-transport",
            "internet2-management"};
    }

    private StoqTransport transport;

    @Before
    public void waitForTheTransport() throws Exception {
        waitUntil("the STOQ transport connects to itself", Duration.ofSeconds(90), () -> {
            if (bundleContext.getServiceReference(StoqTransport.class) == null) {
                return false;
            }
            transport = bundleContext.getService(bundleContext.getServiceReference(StoqTransport.class));
            transport.connect(self()).close();
            return true;
        });
    }

    @Test
    public void anUntrustedRootIsRefused() throws Exception {
        KeyPair keys = ecKeys();
        X509Certificate stranger = selfSigned(keys, "stranger.internet2.network");
        assertRefused("untrusted-root", keys.getPrivate(), List.of(stranger));
    }

    @Test
    public void revokedAndExpiredCertificatesAreRefused() throws Exception {
        CertificateAuthority ca = bundleContext.getService(bundleContext.getServiceReference(CertificateAuthority.class));
        KeyPair revokedKeys = ecKeys();
        IssuedCertificate revoked = ca.issue(new CertificateRequest(csr(revokedKeys, "gone.internet2.network"), null));
        ca.revoke(revoked.serial(), RevocationReason.KEY_COMPROMISE);
        assertRefused("revoked", revokedKeys.getPrivate(), chain(revoked));

        KeyPair shortKeys = ecKeys();
        IssuedCertificate brief = ca.issue(new CertificateRequest(csr(shortKeys, "brief.internet2.network"),
                Duration.ofSeconds(1)));
        waitUntil("the brief certificate expired", Duration.ofSeconds(10),
                () -> brief.certificate().getNotAfter().getTime() < System.currentTimeMillis() - 1000);
        assertRefused("expired", shortKeys.getPrivate(), chain(brief));
    }

    @Test
    public void aCertificateWithoutAnSctIsRefused() throws Exception {
        Bundle log = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> "network.internet2.trustchain.ct".equals(bundle.getSymbolicName()))
                .findFirst().orElseThrow();
        ConfigurationAdmin configurations = bundleContext.getService(
                bundleContext.getServiceReference(ConfigurationAdmin.class));
        Configuration caConfiguration = configurations.getConfiguration("network.internet2.trustchain.ca", "?");
        Dictionary<String, Object> before = caConfiguration.getProperties();
        Hashtable<String, Object> optional = new Hashtable<>();
        optional.put("require.certificate.transparency", false);
        KeyPair keys = ecKeys();
        IssuedCertificate unlogged;
        log.stop();
        try {
            caConfiguration.update(optional);
            unlogged = issueEventually(csr(keys, "unlogged.internet2.network"));
        } finally {
            if (before == null) {
                caConfiguration.delete();
            } else {
                caConfiguration.update(before);
            }
            log.start();
        }
        assertEquals("issued without an SCT", null,
                unlogged.certificate().getExtensionValue("1.3.6.1.4.1.11129.2.4.2"));
        waitForTheTransport();
        assertRefused("missing-sct", keys.getPrivate(), chain(unlogged));
    }

    /** Issues once the reconfigured CA is back (it restarts with its new configuration). */
    private IssuedCertificate issueEventually(byte[] csr) throws Exception {
        IssuedCertificate[] issued = new IssuedCertificate[1];
        waitUntil("the CA issues without the CT log", Duration.ofSeconds(60), () -> {
            CertificateAuthority ca = bundleContext.getService(
                    bundleContext.getServiceReference(CertificateAuthority.class));
            issued[0] = ca.issue(new CertificateRequest(csr, null));
            return issued[0].certificate().getExtensionValue("1.3.6.1.4.1.11129.2.4.2") == null;
        });
        return issued[0];
    }

    /**
     * An attacker who can make the intermediate's ECDSA signature (simulated with its key from disk) but not its
     * FALCON-1024 one: the certificate's alternative signature is by another FALCON key, and it is refused.
     */
    @Test
    public void aCertificateWithABadFalconSignatureIsRefused() throws Exception {
        KeyPair keys = ecKeys();
        IssuedCertificate genuine = issueGenuine(keys, "falcon-forged.internet2.network");
        CryptoSuite falcon = postQuantumSuite();
        X509Certificate forged = stolenIntermediate(genuine).resign(genuine.certificate(), falcon,
                falcon.generateKeyPair(Algorithms.FALCON_1024).getPrivate(), UnaryOperator.identity());
        assertRefused("alt-signature-invalid", keys.getPrivate(), chain(forged, genuine));
    }

    /** Both signatures verify (the intermediate's keys from disk), but the embedded SCT is forged. */
    @Test
    public void aCertificateWithAForgedSctIsRefused() throws Exception {
        KeyPair keys = ecKeys();
        IssuedCertificate genuine = issueGenuine(keys, "sct-forged.internet2.network");
        X509Certificate forged = stolenIntermediate(genuine).resign(genuine.certificate(), postQuantumSuite(), null,
                StolenIntermediate::forgeSct);
        assertRefused("invalid-sct", keys.getPrivate(), chain(forged, genuine));
        // the same re-signing without forging anything is accepted: the refusal is the SCT's doing
        X509Certificate faithful = stolenIntermediate(genuine).resign(genuine.certificate(), postQuantumSuite(), null,
                UnaryOperator.identity());
        long refusedBefore = totalRefusals();
        handshake(keys.getPrivate(), chain(faithful, genuine));
        assertEquals("a faithful re-signing is not refused", refusedBefore, totalRefusals());
    }

    private IssuedCertificate issueGenuine(KeyPair keys, String name) throws Exception {
        CertificateAuthority ca = bundleContext.getService(bundleContext.getServiceReference(CertificateAuthority.class));
        IssuedCertificate genuine = ca.issue(new CertificateRequest(csr(keys, name), null));
        assertNotNull("the genuine certificate carries SCTs",
                genuine.certificate().getExtensionValue(StolenIntermediate.SCT_LIST_OID));
        return genuine;
    }

    private static StolenIntermediate stolenIntermediate(IssuedCertificate genuine) throws Exception {
        return StolenIntermediate.read(Path.of(System.getProperty("karaf.data")), genuine.chain().get(0));
    }

    private CryptoSuite postQuantumSuite() throws Exception {
        return bundleContext.getService(bundleContext.getServiceReferences(CryptoSuite.class,
                "(" + CryptoSuite.SUITE_PROPERTY + "=" + CryptoSuite.POST_QUANTUM + ")").iterator().next());
    }

    private long totalRefusals() throws Exception {
        JsonNode transport = new ObjectMapper().readTree(httpGet("/health").body())
                .path("layers").path("stoq").path("figures").path("transport");
        long total = 0;
        for (java.util.Iterator<String> names = transport.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.startsWith("refusals.")) {
                total += transport.path(name).asLong();
            }
        }
        return total;
    }

    private static List<X509Certificate> chain(X509Certificate leaf, IssuedCertificate issuedWith) {
        List<X509Certificate> chain = new java.util.ArrayList<>();
        chain.add(leaf);
        chain.addAll(issuedWith.chain());
        return chain;
    }

    @Test
    public void withoutTheCaNewHandshakesFailWithThatReasonUntilItIsBack() throws Exception {
        featuresService.uninstallFeature("trustchain-ca", EnumSet.of(NoAutoRefreshBundles));
        try {
            try {
                transport.connect(self());
                fail("a handshake succeeded without the CA");
            } catch (PeerRefusedException expected) {
                assertEquals(expected.getMessage(), RefusalReason.CA_UNAVAILABLE, expected.reason());
            }
        } finally {
            featuresService.installFeature("trustchain-ca", EnumSet.of(NoAutoRefreshBundles));
        }
        waitUntil("handshakes succeed again with the CA back", Duration.ofSeconds(90), () -> {
            transport.connect(self()).close();
            return true;
        });
    }

    private void assertRefused(String reason, PrivateKey key, List<X509Certificate> chain) throws Exception {
        long before = refusals(reason);
        handshake(key, chain);
        waitUntil("the node counts a '" + reason + "' refusal", Duration.ofSeconds(15),
                () -> refusals(reason) == before + 1);
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        waitUntil("the node logs the '" + reason + "' refusal", Duration.ofSeconds(10),
                () -> java.nio.file.Files.readString(log).contains("STOQ refused a peer (" + reason + ")"));
    }

    private long refusals(String reason) throws Exception {
        JsonNode health = new ObjectMapper().readTree(httpGet("/health").body());
        return health.path("layers").path("stoq").path("figures").path("transport").path("refusals." + reason)
                .asLong(-1);
    }

    /** A QUIC handshake to the node's listener presenting {@code chain}; its outcome is the node's to count. */
    private static void handshake(PrivateKey key, List<X509Certificate> chain) throws Exception {
        QuicSslContext tls = QuicSslContextBuilder.forClient()
                .keyManager(key, null, chain.toArray(new X509Certificate[0]))
                .trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null)
                .applicationProtocols(StoqTransport.ALPN)
                .option(BoringSSLContextOption.GROUPS, new String[] {"X25519MLKEM768"}).build();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel client = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(new QuicClientCodecBuilder().sslContext(tls).maxIdleTimeout(5, TimeUnit.SECONDS)
                            .initialMaxData(1 << 20).initialMaxStreamDataBidirectionalLocal(1 << 20).build())
                    .bind(new InetSocketAddress(loopback(), 0)).sync().channel();
            try {
                QuicChannel.newBootstrap(client).handler(new ChannelInboundHandlerAdapter())
                        .remoteAddress(self()).connect().await(5, TimeUnit.SECONDS);
            } finally {
                client.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static InetSocketAddress self() throws Exception {
        return new InetSocketAddress(loopback(), stoqPort());
    }

    private static List<X509Certificate> chain(IssuedCertificate issued) {
        List<X509Certificate> chain = new java.util.ArrayList<>();
        chain.add(issued.certificate());
        chain.addAll(issued.chain());
        return chain;
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static byte[] csr(KeyPair keys, String name) throws Exception {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + name), keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
    }

    private static X509Certificate selfSigned(KeyPair keys, String name) throws Exception {
        long now = System.currentTimeMillis();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=" + name), BigInteger.valueOf(now), new Date(now - 60_000), new Date(now + 3_600_000),
                new X500Name("CN=" + name), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
