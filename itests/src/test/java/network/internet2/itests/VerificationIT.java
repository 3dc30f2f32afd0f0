package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import network.internet2.stoq.RefusalReason;

/**
 * The seed's verification endpoints against the real node: {@code GET /test-cert-validation} makes a new STOQ
 * connection from the node to its own listener by name and reports every validation step of both ends as passed
 * (the CA's chain checks with revocation and FALCON-1024 alternative signatures, the SCT, the possession proofs,
 * an echo over a stream); {@code GET /test-dns} asks the embedded DNS server over the wire for the apex and the
 * node's names. The STOQ meters in the node's {@link MeterRegistry} count what happened.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VerificationIT extends Internet2TestSupport {

    private static final String NODE = "node1.internet2.network";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    public void theCertificateValidationPassesEveryStepOnBothEnds() throws Exception {
        HttpResponse<String>[] answer = answerOnce();
        waitUntil("/test-cert-validation passes (the node certificate is issued and logged at start)",
                Duration.ofSeconds(120), () -> {
                    answer[0] = httpGet("/test-cert-validation");
                    return answer[0].statusCode() == 200;
                });
        JsonNode body = json.readTree(answer[0].body());
        System.out.println("/test-cert-validation: " + body);
        assertTrue(body.toString(), body.get("ok").asBoolean());
        assertTrue(body.get("failedStep").isNull());
        assertEquals(NODE, body.get("target").asText());
        assertEquals(stoqPort(), body.get("port").asInt());
        List<String> steps = new ArrayList<>();
        for (JsonNode step : body.get("steps")) {
            steps.add(step.get("side").asText() + " " + step.get("step").asText());
            assertEquals(step.toString(), "passed", step.get("result").asText());
        }
        for (String expected : List.of("client name-resolution", "client tls-handshake", "client certificate-chain",
                "client certificate-chain.revocation", "client certificate-chain.altSignature",
                "client certificate-transparency", "client possession-proof", "client server-admission",
                "client certificate-name", "server tls-handshake", "server certificate-chain",
                "server certificate-chain.revocation", "server certificate-transparency", "server possession-proof",
                "node echo-stream")) {
            assertTrue(expected + " missing from " + steps, steps.contains(expected));
        }
        JsonNode tls = step(body, "client", "tls-handshake");
        assertTrue(tls.toString(), tls.get("detail").asText().contains("X25519MLKEM768")
                && tls.get("detail").asText().contains("TLSv1.3"));
        assertTrue(tls.get("millis").asDouble() > 0);
        assertTrue(step(body, "client", "name-resolution").get("detail").asText().contains("NameService"));
        assertTrue(step(body, "client", "certificate-chain.revocation").get("millis").isNull());
        assertTrue(body.get("totalMillis").asDouble() > 0);

        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://[::1]:" + System.getProperty(HTTP_PORT_PROPERTY) + "/test-cert-validation"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(post.body(), 405, post.statusCode());
    }

    @Test
    public void theDnsTestResolvesTheApexAndTheNodesNamesOverTheWire() throws Exception {
        HttpResponse<String>[] answer = answerOnce();
        waitUntil("/test-dns passes", Duration.ofSeconds(60), () -> {
            answer[0] = httpGet("/test-dns");
            return answer[0].statusCode() == 200;
        });
        JsonNode body = json.readTree(answer[0].body());
        System.out.println("/test-dns: " + body);
        assertTrue(body.get("ok").asBoolean());
        assertEquals("[::1]:" + dnsPort(), body.get("server").asText());
        assertEquals("internet2.network.", body.get("zone").asText());
        List<String> asked = new ArrayList<>();
        for (JsonNode query : body.get("queries")) {
            asked.add(query.get("name").asText() + " " + query.get("type").asText());
            assertEquals(query.toString(), "passed", query.get("result").asText());
            assertEquals("NOERROR", query.get("rcode").asText());
            assertTrue(query.toString(), query.get("authoritative").asBoolean());
            assertTrue(query.toString(), query.get("answers").size() >= 1);
        }
        for (String expected : List.of("internet2.network. SOA", "internet2.network. NS",
                "node1.internet2.network. AAAA", "stoq.internet2.network. AAAA")) {
            assertTrue(expected + " not asked: " + asked, asked.contains(expected));
        }
    }

    @Test
    public void theStoqMetersCountHandshakesAndBulkStreams() throws Exception {
        waitUntil("the node's meter registry is registered", Duration.ofSeconds(60),
                () -> bundleContext.getServiceReference(MeterRegistry.class) != null);
        ServiceReference<MeterRegistry> reference = bundleContext.getServiceReference(MeterRegistry.class);
        MeterRegistry registry = bundleContext.getService(reference);
        try {
            waitUntil("a fresh connection of the node to itself passes", Duration.ofSeconds(120),
                    () -> httpGet("/test-cert-validation").statusCode() == 200);
            Timer client = registry.get("stoq.handshake.duration").tag("side", "client").tag("outcome", "success")
                    .timer();
            Timer server = registry.get("stoq.handshake.duration").tag("side", "server").tag("outcome", "success")
                    .timer();
            assertTrue("client handshakes " + client.count(), client.count() >= 1);
            waitUntil("the server's side is timed too", Duration.ofSeconds(10), () -> server.count() >= 1);
            assertTrue(client.max(TimeUnit.MILLISECONDS) > 0);
            assertTrue(registry.get("stoq.connections.opened").functionCounter().count() >= 2);
            assertEquals(RefusalReason.values().length, registry.find("stoq.refusals").functionCounters().size());

            String bench = executeCommand("stoq:bench --port " + stoqPort() + " --megabytes 4 " + NODE);
            assertTrue(bench, bench.contains("confirmed by the peer"));
            DistributionSummary throughput = registry.get("stoq.stream.throughput.gbps").summary();
            waitUntil("the bulk stream's throughput is recorded on both ends", Duration.ofSeconds(10),
                    () -> throughput.count() >= 2);
            assertTrue("Gbit/s " + throughput.max(), throughput.max() > 0);
            assertTrue(registry.get("stoq.bytes").tag("direction", "sent").functionCounter().count() >= 4 << 20);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private static JsonNode step(JsonNode body, String side, String name) {
        for (JsonNode step : body.get("steps")) {
            if (step.get("side").asText().equals(side) && step.get("step").asText().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no " + side + " step " + name + " in " + body);
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse<String>[] answerOnce() {
        return new HttpResponse[1];
    }
}
