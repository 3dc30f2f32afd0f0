package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.util.tracker.ServiceTracker;

import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.NodeCertificateProvider;

/**
 * The CA live in a container: crypto suites are swappable under it — with
 * {@code crypto-pq} uninstalled, hybrid issuance fails with an error naming the
 * missing suite and the node certificate service goes away; installing it back
 * restores both, without restarting the CA — and an intermediate rotation keeps
 * earlier certificates valid.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CaLifecycleIT extends Internet2TestSupport {

    private static final EnumSet<FeaturesService.Option> NO_REFRESH =
            EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    private CertificateAuthority ca;

    @Override
    protected boolean bootInternet2() {
        return false;
    }

    @Override
    protected String[] extraBootFeatures() {
        return new String[] {"trustchain-ca", "crypto-classical", "crypto-pq"};
    }

    @Test
    public void uninstallingThePostQuantumSuiteStopsHybridIssuanceUntilItIsBack() throws Exception {
        byte[] csr = csr("node5.internet2.network");
        waitUntil("the CA issues", Duration.ofSeconds(60), () -> ca.issue(new CertificateRequest(csr, null)) != null);
        ServiceTracker<NodeCertificateProvider, NodeCertificateProvider> node =
                new ServiceTracker<>(bundleContext, NodeCertificateProvider.class, null);
        node.open();
        try {
            assertNotNull("node certificate published", node.waitForService(30_000));
            int issuedBefore = ca.list().size();

            featuresService.uninstallFeature("crypto-pq", NO_REFRESH);
            try {
                ca.issue(new CertificateRequest(csr, null));
                fail("issued a hybrid certificate without the post-quantum suite");
            } catch (CaUnavailableException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("pq-falcon1024-mlkem1024"));
                assertTrue(expected.getMessage(), expected.getMessage().contains("crypto-pq"));
            }
            assertEquals("nothing issued while the suite was missing", issuedBefore, ca.list().size());
            waitUntil("node certificate service withdrawn", Duration.ofSeconds(30), () -> node.getService() == null);
            assertNull(node.getService());

            featuresService.installFeature("crypto-pq", NO_REFRESH);
            waitUntil("hybrid issuance resumes", Duration.ofSeconds(60),
                    () -> ca.issue(new CertificateRequest(csr, null)) != null);
            IssuedCertificate resumed = ca.list().get(ca.list().size() - 1);
            assertNotNull("hybrid again", resumed.certificate()
                    .getExtensionValue(Extension.altSignatureValue.getId()));
            assertNotNull("node certificate back", node.waitForService(30_000));
        } finally {
            node.close();
        }
    }

    @Test
    public void afterAnIntermediateRotationEarlierCertificatesKeepValidating() throws Exception {
        byte[] csr = csr("node6.internet2.network");
        waitUntil("the CA issues", Duration.ofSeconds(60), () -> ca.issue(new CertificateRequest(csr, null)) != null);
        IssuedCertificate before = ca.issue(new CertificateRequest(csr, null));

        ca.rotateIntermediate();
        IssuedCertificate after = ca.issue(new CertificateRequest(csr, null));

        assertTrue("issued under a new intermediate",
                !before.chain().get(0).equals(after.chain().get(0)));
        assertTrue(ca.validate(List.of(before.certificate(), before.chain().get(0)), "node6.internet2.network")
                .valid());
        assertTrue(ca.validate(List.of(after.certificate(), after.chain().get(0)), "node6.internet2.network")
                .valid());
    }

    @Test
    public void afterARootRotationByCrossSigningEarlierAndNewCertificatesValidate() throws Exception {
        byte[] csr = csr("node8.internet2.network");
        waitUntil("the CA issues", Duration.ofSeconds(60), () -> ca.issue(new CertificateRequest(csr, null)) != null);
        IssuedCertificate before = ca.issue(new CertificateRequest(csr, null));
        java.security.cert.X509Certificate oldRoot = ca.root();

        ca.rotateRoot();
        IssuedCertificate after = ca.issue(new CertificateRequest(csr, null));

        assertTrue("a new root", !oldRoot.equals(ca.root()));
        assertEquals(ca.root(), after.chain().get(1));
        assertEquals("the new root is cross-signed by the old one", oldRoot.getSubjectX500Principal(),
                ca.crossCertificates().get(ca.crossCertificates().size() - 1).getIssuerX500Principal());
        assertTrue(ca.validate(List.of(before.certificate(), before.chain().get(0)), "node8.internet2.network")
                .valid());
        assertTrue(ca.validate(List.of(after.certificate(), after.chain().get(0)), "node8.internet2.network")
                .valid());
    }

    private static byte[] csr(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + name), keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
    }
}
