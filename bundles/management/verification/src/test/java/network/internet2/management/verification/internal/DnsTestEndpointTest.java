package network.internet2.management.verification.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.management.rest.support.ApiRequest;
import network.internet2.management.rest.support.ApiResponse;

/** {@code GET /test-dns} and its queries against a real DNS server on a [::1] socket. */
public class DnsTestEndpointTest {

    @Rule
    public Timeout timeout = Timeout.seconds(60);

    private static final Name ZONE = Name.fromConstantString("verification.test.");

    private final ObjectMapper json = new ObjectMapper();
    private final DnsProbe probe = new DnsProbe(Duration.ofSeconds(2));
    private TestDnsServer server;

    @Before
    public void setUp() throws Exception {
        server = new TestDnsServer(ZONE, List.of("node1", "stoq", "ca"));
    }

    @After
    public void tearDown() throws Exception {
        server.close();
    }

    @Test
    public void theApexAndTheNodesNamesResolveWith200() throws Exception {
        ApiResponse response = new DnsTestEndpoint(() -> properties(server.address().getPort()), probe).handle(get());

        JsonNode body = json.readTree(response.body());
        assertEquals(response.text(), 200, response.status());
        assertTrue(body.get("ok").asBoolean());
        assertEquals("[::1]:" + server.address().getPort(), body.get("server").asText());
        assertEquals("verification.test.", body.get("zone").asText());
        JsonNode queries = body.get("queries");
        assertEquals(5, queries.size());
        assertQuery(queries.get(0), "verification.test.", "SOA");
        assertQuery(queries.get(1), "verification.test.", "NS");
        assertQuery(queries.get(2), "node1.verification.test.", "AAAA");
        assertQuery(queries.get(3), "stoq.verification.test.", "AAAA");
        assertQuery(queries.get(4), "ca.verification.test.", "AAAA");
        assertTrue(queries.get(2).get("answers").get(0).asText(), queries.get(2).get("answers").get(0).asText()
                .endsWith(":1") && queries.get(2).get("answers").get(0).asText().contains("AAAA"));
    }

    @Test
    public void aNameTheServerDoesNotKnowFailsWithItsRcodeAnd502() throws Exception {
        Map<String, Object> properties = properties(server.address().getPort());
        properties.put("service.names", new String[] {"stoq", "nobody"});
        ApiResponse response = new DnsTestEndpoint(() -> properties, probe).handle(get());

        JsonNode body = json.readTree(response.body());
        assertEquals(502, response.status());
        assertFalse(body.get("ok").asBoolean());
        JsonNode nobody = body.get("queries").get(4);
        assertEquals("failed", nobody.get("result").asText());
        assertEquals("NXDOMAIN", nobody.get("rcode").asText());
        assertEquals("nobody.verification.test. AAAA: the server answered NXDOMAIN", body.get("failedQuery").asText());
    }

    @Test
    public void aServerThatDoesNotAnswerIsReportedNotWaitedForForever() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(TestDnsServer.loopback(), 0))) {
            DnsAnswer answer = new DnsProbe(Duration.ofMillis(300)).ask(
                    (InetSocketAddress) silent.getLocalSocketAddress(), ZONE, Type.SOA);
            assertFalse(answer.passed());
            assertNull(answer.rcode());
            assertTrue(answer.error(), answer.error().contains("no answer from [::1]:" + silent.getLocalPort()
                    + " within 300 ms over UDP"));
        }
    }

    @Test
    public void withoutTheDnsServerTheAnswerIs503() throws Exception {
        ApiResponse response = new DnsTestEndpoint(() -> null, probe).handle(get());
        assertEquals(503, response.status());
        assertTrue(response.text(), response.text().contains("trustchain-dns"));
    }

    @Test
    public void aMalformedConfigurationIs503NamingTheProperty() throws Exception {
        Map<String, Object> properties = properties(server.address().getPort());
        properties.put("port", "fifty-three");
        ApiResponse response = new DnsTestEndpoint(() -> properties, probe).handle(get());
        assertEquals(503, response.status());
        assertTrue(response.text(), response.text().contains("port 'fifty-three' is not a number"));

        properties.put("port", "8053");
        properties.put("bind.address", "127.0.0.1");
        ApiResponse ipv4 = new DnsTestEndpoint(() -> properties, probe).handle(get());
        assertEquals(503, ipv4.status());
        assertTrue(ipv4.text(), ipv4.text().contains("bind.address '127.0.0.1' is not an IPv6 address"));
    }

    @Test
    public void theTargetComesFromTheServersConfigurationAsKarafWritesIt() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bind.address", "::");
        properties.put("port", "53");
        properties.put("zone", "internet2.network");
        properties.put("node.name", "node7");
        properties.put("service.names", "stoq, ca");
        DnsTarget target = DnsTarget.fromProperties(properties);
        assertEquals("[::1]:53", DnsProbe.describe(target.server()));
        assertEquals("internet2.network.", target.zone().toString());
        assertEquals("node7.internet2.network.", target.node().toString());
        assertEquals(List.of("stoq.internet2.network.", "ca.internet2.network."),
                target.services().stream().map(Name::toString).toList());
    }

    @Test
    public void addressesAreShownInTheirShortForm() {
        assertEquals("::1", DnsProbe.shortForm("0:0:0:0:0:0:0:1"));
        assertEquals("::", DnsProbe.shortForm("0:0:0:0:0:0:0:0"));
        assertEquals("fd00:42::1", DnsProbe.shortForm("fd00:42:0:0:0:0:0:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", DnsProbe.shortForm("2001:db8:0:1:1:1:1:1"));
        assertEquals("2001:0:0:1::1", DnsProbe.shortForm("2001:0:0:1:0:0:0:1"));
        assertEquals("fe80::1", DnsProbe.shortForm("fe80:0:0:0:0:0:0:1%lo"));
    }

    @Test
    public void onlyGetIsAnswered() {
        ApiResponse put = new DnsTestEndpoint(() -> properties(1), probe)
                .handle(new ApiRequest("PUT", null, null, null, new byte[0]));
        assertEquals(405, put.status());
    }

    private static void assertQuery(JsonNode query, String name, String type) {
        assertEquals(query.toString(), name, query.get("name").asText());
        assertEquals(type, query.get("type").asText());
        assertEquals(query.toString(), "passed", query.get("result").asText());
        assertEquals("NOERROR", query.get("rcode").asText());
        assertTrue(query.get("authoritative").asBoolean());
        assertTrue(query.get("answers").size() >= 1);
        assertEquals("udp", query.get("transport").asText());
        assertTrue(query.toString(), query.get("millis").isNumber() && query.get("millis").asDouble() >= 0);
    }

    /** The DNS server's service properties, as DS publishes them from its configuration. */
    private static Map<String, Object> properties(int port) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bind.address", "::1");
        properties.put("port", port);
        properties.put("zone", "verification.test");
        properties.put("node.name", "node1");
        properties.put("service.names", new String[] {"stoq", "ca"});
        return properties;
    }

    private static ApiRequest get() {
        return new ApiRequest("GET", null, null, null, new byte[0]);
    }
}
