package network.internet2.management.verification.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.management.rest.support.ApiRequest;
import network.internet2.management.rest.support.ApiResponse;
import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqStream;
import network.internet2.stoq.StoqTransport;
import network.internet2.stoq.transport.internal.VerificationTestNode;
import network.internet2.trustchain.ca.NodeCertificateProvider;

/**
 * {@code GET /test-cert-validation} against a real STOQ endpoint on [::1] that connects to itself by name, with
 * this bundle's echo service on its whiteboard.
 */
public class CertValidationEndpointTest {

    @Rule
    public Timeout timeout = Timeout.seconds(60);

    private static final String NODE = "node1.verification.test";

    private final Map<String, List<Inet6Address>> names = new ConcurrentHashMap<>();
    private final Map<String, StoqService> services = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    private final ObjectMapper json = new ObjectMapper();
    private VerificationTestNode node;

    @Before
    public void setUp() throws Exception {
        services.put(EchoService.NAME, new EchoService());
        node = new VerificationTestNode(NODE, names, services);
    }

    @After
    public void tearDown() {
        node.close();
        watchdog.shutdownNow();
    }

    @Test
    public void theNodeConnectsToItselfByNameAndEveryStepPasses() throws Exception {
        names.put(NODE, List.of(loopback()));

        ApiResponse response = endpoint(node.transport(), node::certificate).handle(get());

        JsonNode body = json.readTree(response.body());
        assertEquals(response.text(), 200, response.status());
        assertTrue(body.get("ok").asBoolean());
        assertEquals(NODE, body.get("target").asText());
        assertEquals(node.transport().listeners().get(0).getPort(), body.get("port").asInt());
        assertTrue(body.get("failedStep").isNull());
        List<String> steps = new ArrayList<>();
        for (JsonNode step : body.get("steps")) {
            steps.add(step.get("side").asText() + " " + step.get("step").asText());
            assertEquals(step.toString(), "passed", step.get("result").asText());
            // steps timed on their own carry a number; the CA's grouped checks (name.check) run in one call: null
            assertTrue(step.toString(), step.get("step").asText().contains(".") ? step.get("millis").isNull()
                    : step.get("millis").isNumber() && step.get("millis").asDouble() >= 0);
        }
        assertEquals(List.of("name-resolution", "certificate-check", "tls-handshake", "admission", "server-admission",
                "certificate-name"), side(steps, "client"));
        assertEquals("the node's own listener checked this node's certificate too",
                List.of("certificate-check", "tls-handshake", "connection-limit", "admission"), side(steps, "server"));
        assertEquals("node echo-stream", steps.get(steps.size() - 1));
        assertTrue(body.get("totalMillis").asDouble() > 0);
    }

    @Test
    public void aNameThatDoesNotResolveFailsAtThatStepWith502() throws Exception {
        ApiResponse response = endpoint(node.transport(), node::certificate).handle(get());

        JsonNode body = json.readTree(response.body());
        assertEquals(502, response.status());
        assertFalse(body.get("ok").asBoolean());
        assertTrue(body.get("failedStep").asText(), body.get("failedStep").asText()
                .startsWith("client name-resolution: "));
        assertEquals(1, body.get("steps").size());
    }

    @Test
    public void withoutTransportOrCertificateTheAnswerIs503AndSaysWhatIsMissing() throws Exception {
        ApiResponse noTransport = endpoint(null, node::certificate).handle(get());
        assertEquals(503, noTransport.status());
        assertTrue(noTransport.text(), noTransport.text().contains("stoq-transport"));

        ApiResponse noCertificate = endpoint(node.transport(), () -> null).handle(get());
        assertEquals(503, noCertificate.status());
        assertTrue(noCertificate.text(), noCertificate.text().contains("trustchain-ca"));
        assertFalse(json.readTree(noCertificate.body()).get("ok").asBoolean());
    }

    @Test
    public void onlyGetIsAnswered() {
        ApiResponse post = endpoint(node.transport(), node::certificate)
                .handle(new ApiRequest("POST", null, null, null, new byte[0]));
        assertEquals(405, post.status());
        assertEquals("GET, HEAD", post.headers().get("Allow"));
    }

    @Test
    public void theEchoServiceSendsBackWhatItGetsAndRefusesMoreThanItsBound() throws Exception {
        names.put(NODE, List.of(loopback()));
        try (StoqConnection connection = node.transport().connect(NODE, node.transport().listeners().get(0).getPort())) {
            byte[] small = "ping".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try (StoqStream stream = connection.openStream(EchoService.NAME)) {
                stream.output().write(small);
                stream.output().close();
                assertEquals("ping", new String(stream.input().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            byte[] large = new byte[EchoService.MAX_BYTES + 1];
            try (StoqStream stream = connection.openStream(EchoService.NAME)) {
                stream.output().write(large);
                stream.output().close();
                assertEquals("more than the bound is not echoed", 0, stream.input().readAllBytes().length);
            }
        }
    }

    @Test
    public void theNodeNameIsTheCertificatesFirstDnsName() throws Exception {
        assertEquals(NODE, CertValidationEndpoint.firstDnsName(node.certificate().certificate()));
    }

    private CertValidationEndpoint endpoint(StoqTransport transport, NodeCertificateProvider certificates) {
        return new CertValidationEndpoint(() -> transport, () -> certificates, new CertValidation(watchdog, 10_000));
    }

    private static ApiRequest get() {
        return new ApiRequest("GET", null, null, null, new byte[0]);
    }

    private static List<String> side(List<String> steps, String side) {
        return steps.stream().filter(step -> step.startsWith(side + " "))
                .map(step -> step.substring(side.length() + 1)).toList();
    }

    private static Inet6Address loopback() throws Exception {
        byte[] address = new byte[16];
        address[15] = 1;
        return (Inet6Address) InetAddress.getByAddress(address);
    }
}
