package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.hypermesh.proof.Operation;
import network.internet2.hypermesh.proof.stake.StakeLedger;

/**
 * Monitoring of the real node, every layer and consensus installed: after real work (a STOQ benchmark between the
 * node and itself, DNS queries, a consensus proof validated, the CA issuing and validating), {@code GET /metrics}
 * parses as Prometheus text and has each layer's families with the work counted; {@code ?format=json} and
 * {@code /stats} carry the same meters; the alerts in {@code /health} fire when their thresholds are set low and
 * stop when they are generous, and the gauge {@code internet2_alert_firing} follows them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetricsIT extends Internet2TestSupport {

    private static final String NODE = "node1.internet2.network";
    private static final String ALERTS_PID = "network.internet2.management.alerts";
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean bootInternet2() {
        return false;
    }

    @Override
    protected String[] extraBootFeatures() {
        return new String[] {"internet2", "hypermesh-assets", "asset-memory", "asset-storage", "proof-work",
            "proof-time", "proof-space", "proof-stake", "hypermesh-consensus"};
    }

    @Test
    public void metricsStatsAndAlertsReportRealWork() throws Exception {
        // real work in every layer
        StakeLedger stake = awaitService(StakeLedger.class, null);
        waitUntil("stake can be deposited", Duration.ofSeconds(60), () -> {
            stake.deposit(NODE, stake.minimumStake() * 2);
            return true;
        });
        updateConfiguration("network.internet2.hypermesh.consensus", Map.of("validation.timeout.ms", 5000L));
        ConsensusService consensus = awaitService(ConsensusService.class, "(validation.timeout.ms=5000)");
        Operation operation = new Operation("itest.metrics", "one", "payload".getBytes(StandardCharsets.UTF_8));
        ConsensusProof[] proof = new ConsensusProof[1];
        waitUntil("the four engines prove (node certificate issued, space plot built)", Duration.ofSeconds(180), () -> {
            proof[0] = consensus.prove(operation);
            return true;
        });
        assertTrue(consensus.validate(operation, proof[0]).valid());

        String bench = executeCommand("stoq:bench --port " + stoqPort() + " --megabytes 8 " + NODE);
        assertTrue(bench, bench.contains("Gbit/s"));
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(loopback(), dnsPort()));
        resolver.setTimeout(Duration.ofSeconds(2));
        Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(NODE + "."), Type.AAAA, DClass.IN)));
        assertEquals(Rcode.NOERROR, answer.getRcode());
        resolver.send(Message.newQuery(Record.newRecord(Name.fromString("nobody.internet2.network."), Type.AAAA, DClass.IN)));

        // GET /metrics: Prometheus text with our families
        HttpResponse<String> scraped = httpGet("/metrics");
        assertEquals(200, scraped.statusCode());
        assertTrue(scraped.headers().firstValue("Content-Type").orElse(""), scraped.headers()
                .firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        PrometheusText metrics = PrometheusText.parse(scraped.body());
        for (String histogram : List.of("stoq_handshake_duration_seconds", "trustchain_ca_operation_duration_seconds",
                "trustchain_dns_query_duration_seconds", "hypermesh_consensus_validation_duration_seconds")) {
            assertEquals(histogram, "histogram", metrics.type(histogram));
            assertTrue(histogram + " counted nothing", metrics.sum(histogram, histogram + "_count", Map.of()) >= 1);
            assertFalse(histogram + " has no buckets", metrics.find(histogram, histogram + "_bucket", Map.of()).isEmpty());
        }
        assertTrue(metrics.sum("stoq_bytes_total", "stoq_bytes_total", Map.of("direction", "sent")) >= 8 << 20);
        assertEquals("gauge", metrics.type("stoq_connections_active"));
        assertNotNull("stoq_refusals_total", metrics.type("stoq_refusals_total"));
        assertTrue(metrics.sum("trustchain_ca_operation_duration_seconds", "trustchain_ca_operation_duration_seconds_count",
                Map.of("operation", "validate")) >= 1);
        assertTrue(metrics.sum("trustchain_ct_tree_size", "trustchain_ct_tree_size", Map.of()) >= 1);
        assertEquals("gauge", metrics.type("trustchain_ct_sth_age_seconds"));
        assertTrue(metrics.sum("trustchain_dns_query_duration_seconds", "trustchain_dns_query_duration_seconds_count",
                Map.of("type", "AAAA", "rcode", "NOERROR")) >= 1);
        assertTrue(metrics.sum("trustchain_dns_query_duration_seconds", "trustchain_dns_query_duration_seconds_count",
                Map.of("type", "AAAA", "rcode", "NXDOMAIN")) >= 1);
        for (String type : List.of("all", "work", "time", "space", "stake")) {
            assertTrue(type, metrics.sum("hypermesh_consensus_validation_duration_seconds",
                    "hypermesh_consensus_validation_duration_seconds_count", Map.of("proof_type", type)) >= 1);
        }
        assertTrue(metrics.sum("hypermesh_asset_capacity", "hypermesh_asset_capacity", Map.of("kind", "memory")) > 0);
        assertNotNull(metrics.type("hypermesh_asset_allocated"));
        assertTrue(metrics.sum("process_memory_resident_bytes", "process_memory_resident_bytes", Map.of()) > 50 << 20);
        assertNotNull(metrics.type("jvm_memory_used_bytes"));
        assertEquals("gauge", metrics.type("internet2_alert_firing"));

        // the same meters as JSON, and the stack's summary
        JsonNode meters = json.readTree(httpGet("/metrics?format=json").body()).get("meters");
        assertTrue(meters.size() > 20);
        assertTrue(meters.toString().contains("\"name\":\"stoq.handshake.duration\""));
        assertEquals(400, httpGet("/metrics?format=yaml").statusCode());
        JsonNode stats = json.readTree(httpGet("/stats").body());
        assertEquals("ok", stats.path("layers").path("stoq").path("status").asText());
        assertTrue(stats.toString(), stats.path("layers").path("stoq").path("meters").has("stoq.bytes{direction=sent}"));
        assertTrue(stats.path("layers").path("hypermesh").path("meters").size() > 3);
        assertTrue(stats.path("node").path("residentBytes").asLong() > 50 << 20);

        // alerts: low thresholds fire, generous ones do not
        updateConfiguration(ALERTS_PID, Map.of("stoq.target.throughput.gbps", 100000.0,
                "consensus.validation.max.ms", 0.001, "certificate.operation.max.ms", 0.001));
        waitUntil("all three alerts fire", Duration.ofSeconds(30), () -> firing().size() == 3);
        waitUntil("the firing gauge follows", Duration.ofSeconds(30), () -> PrometheusText.parse(httpGet("/metrics").body())
                .sum("internet2_alert_firing", "internet2_alert_firing", Map.of()) == 3);
        assertEquals(200, httpGet("/health").statusCode()); // alerts are listed, they do not make the node unhealthy

        updateConfiguration(ALERTS_PID, Map.of("stoq.target.throughput.gbps", 0.0001,
                "consensus.validation.max.ms", 600000.0, "certificate.operation.max.ms", 600000.0));
        waitUntil("no alert fires", Duration.ofSeconds(30), () -> firing().isEmpty());
        JsonNode alerts = json.readTree(httpGet("/health").body()).get("alerts");
        assertEquals(alerts.toString(), 3, alerts.size());
        for (JsonNode alert : alerts) {
            assertTrue(alert.toString(), alert.path("value").isNumber()); // each one measured something
        }
    }

    private List<String> firing() throws Exception {
        JsonNode alerts = json.readTree(httpGet("/health").body()).path("alerts");
        List<String> names = new java.util.ArrayList<>();
        alerts.forEach(alert -> {
            if (alert.path("firing").asBoolean()) {
                names.add(alert.path("name").asText());
            }
        });
        return names;
    }

    private <T> T awaitService(Class<T> type, String filter) throws Exception {
        @SuppressWarnings("unchecked")
        Collection<ServiceReference<T>>[] found = new Collection[1];
        waitUntil(type.getSimpleName() + " is registered", Duration.ofSeconds(60), () -> {
            found[0] = bundleContext.getServiceReferences(type, filter);
            return !found[0].isEmpty();
        });
        return bundleContext.getService(found[0].iterator().next());
    }

    /** Merges {@code values} into the PID's configuration. */
    private void updateConfiguration(String pid, Map<String, Object> values) throws Exception {
        ConfigurationAdmin admin = awaitService(ConfigurationAdmin.class, null);
        Configuration configuration = admin.getConfiguration(pid, "?");
        Hashtable<String, Object> updated = new Hashtable<>();
        if (configuration.getProperties() != null) {
            for (var keys = configuration.getProperties().keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                updated.put(key, configuration.getProperties().get(key));
            }
        }
        updated.putAll(values);
        configuration.update(updated);
    }
}
