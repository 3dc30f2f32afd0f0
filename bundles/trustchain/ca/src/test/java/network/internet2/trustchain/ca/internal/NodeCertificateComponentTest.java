package network.internet2.trustchain.ca.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.x509.Extension;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.trustchain.ca.NodeCertificate;
import network.internet2.trustchain.crypto.CryptoSuite;

public class NodeCertificateComponentTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void issuesAHybridNodeCertificateNamingTheNodeAndItsServices() throws Exception {
        SuiteLookup suites = id -> CryptoSuite.CLASSICAL.equals(id) ? TestSuites.classical() : TestSuites.postQuantum();
        try (HybridCertificateAuthority ca = HybridCertificateAuthority.open(new CaSettings(
                folder.getRoot().toPath().resolve("ca"), folder.getRoot().toPath().resolve("pass"),
                "internet2.network", Duration.ofHours(24), Duration.ofDays(90), Duration.ofDays(3650), true),
                suites, Clock.systemUTC())) {
            NodeCertificateComponent component = new NodeCertificateComponent(ca, TestSuites.classical(),
                    TestSuites.postQuantum(), null, config("node3"));
            try {
                NodeCertificate node = component.current();
                assertEquals(3, node.chain().size());
                assertNotNull(node.alternativePrivateKey());
                assertNotNull("names its FALCON-1024 key",
                        node.certificate().getExtensionValue(Extension.subjectAltPublicKeyInfo.getId()));
                Collection<List<?>> names = node.certificate().getSubjectAlternativeNames();
                assertTrue(names.toString(), names.contains(List.of(2, "node3.internet2.network")));
                assertTrue(names.toString(), names.contains(List.of(2, "stoq.internet2.network")));
                assertTrue(ca.validate(node.chain().subList(0, 2), "node3.internet2.network").valid());
                assertNotSame(node, null);
            } finally {
                component.deactivate();
            }
        }
    }

    @Test
    public void refusesANodeNameThatIsNotADnsLabel() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> NodeCertificateComponent.names(config("bad name!")));
        assertTrue(refused.getMessage().contains("not a DNS label"));
    }

    private static NodeCertificateComponent.Config config(String node) {
        return new NodeCertificateComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return NodeCertificateComponent.Config.class;
            }

            @Override
            public String node_name() {
                return node;
            }

            @Override
            public String zone() {
                return "internet2.network";
            }

            @Override
            public String[] service_names() {
                return new String[] {"stoq", "ca"};
            }

            @Override
            public long validity_hours() {
                return 0;
            }
        };
    }
}
