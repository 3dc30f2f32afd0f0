package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The distribution as a user gets it: booted with {@code internet2}, answering /health on [::1]. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT extends Internet2TestSupport {

    @Test
    public void bootsWithTheInternet2FeatureAndItsParts() throws Exception {
        for (String feature : new String[] {"internet2", "internet2-thirdparty", "internet2-management", "crypto-api",
                "crypto-classical", "crypto-pq", "ca-api", "trustchain-ca", "ct-api", "dns-api", "stoq-api",
                "asset-api", "proof-api"}) {
            assertTrue(feature + " installed", featuresService.isInstalled(featuresService.getFeature(feature)));
        }
        String listed = executeCommand("feature:list -i");
        assertTrue(listed, listed.contains("internet2-thirdparty"));
        assertTrue(listed, listed.contains("internet2-management"));
    }

    @Test
    public void everyBundleIsActiveOrAResolvedFragment() {
        StringBuilder problems = new StringBuilder();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            boolean fine = fragment ? bundle.getState() == Bundle.RESOLVED : bundle.getState() == Bundle.ACTIVE;
            if (!fine) {
                problems.append(bundle.getSymbolicName()).append(" state ").append(bundle.getState()).append('\n');
            }
        }
        assertEquals("", problems.toString());
    }

    @Test
    public void thirdPartyBundlesAreOursAndRunning() {
        assertRunning("io.netty.codec-classes-quic", "4.2.18.Final", Bundle.ACTIVE);
        assertRunning("io.netty.codec-native-quic.linux-x86_64", "4.2.18.Final", Bundle.RESOLVED);
        assertRunning("bcprov", "1.87", Bundle.ACTIVE);
        assertRunning("bcpkix", "1.87", Bundle.ACTIVE);
        assertRunning("bcutil", "1.87", Bundle.ACTIVE);
        assertRunning("org.xbill.dns", "3.7.1", Bundle.ACTIVE);
    }

    @Test
    public void healthReportsTheCaPresentAndEveryUnimplementedLayerAbsent() throws Exception {
        waitUntil("/health answers", Duration.ofSeconds(30), () -> httpGet("/health").statusCode() == 200);
        HttpResponse<String> response = httpGet("/health");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertEquals("ok", health.path("status").asText());
        for (String layer : new String[] {"hypermesh"}) {
            assertEquals(layer + " in " + response.body(), "absent", health.path("layers").path(layer).path("status").asText());
        }
        JsonNode trustchain = health.path("layers").path("trustchain");
        assertEquals(response.body(), "ok", trustchain.path("status").asText());
        assertTrue(response.body(), trustchain.path("services")
                .path("network.internet2.trustchain.ca.CertificateAuthority").asBoolean());
        assertTrue(response.body(), trustchain.path("services")
                .path("network.internet2.trustchain.ct.TransparencyLog").asBoolean());
        assertTrue("CT figures in " + response.body(), trustchain.path("figures").path("ct").has("treeSize"));
        assertFalse("node name in " + response.body(), health.path("node").path("name").asText().isBlank());
        assertTrue(health.path("node").path("uptimeSeconds").isNumber());
    }

    @Test
    public void managementIsNotReachableOverIpv4() throws Exception {
        int port = Integer.parseInt(System.getProperty(HTTP_PORT_PROPERTY));
        waitUntil("/health answers", Duration.ofSeconds(30), () -> httpGet("/health").statusCode() == 200);
        InetAddress ipv4Loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ipv4Loopback, port), 2000);
            fail("HTTP management answered on IPv4 127.0.0.1:" + port);
        } catch (ConnectException expected) {
            // refused: the HTTP service is bound to [::1] only
        } catch (IOException other) {
            throw new AssertionError("expected connection refused, got " + other, other);
        }
    }

    private void assertRunning(String symbolicNamePrefix, String version, int state) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith(symbolicNamePrefix)
                    && bundle.getVersion().toString().startsWith(version.replace(".Final", ""))) {
                assertEquals(symbolicNamePrefix + " state", state, bundle.getState());
                return;
            }
        }
        fail("no bundle " + symbolicNamePrefix + " " + version + " is installed");
    }
}
