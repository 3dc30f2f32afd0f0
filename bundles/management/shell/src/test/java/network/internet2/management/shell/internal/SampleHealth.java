package network.internet2.management.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Health answers shaped as the health bundle builds them ({@code NodeHealth}, {@code HealthEvaluator}): ordered
 * maps of layers with bundles, services, problems and figures, the alerts, and the node's facts.
 */
final class SampleHealth {

    private SampleHealth() {
    }

    /** A node whose STOQ layer is ok, TrustChain degraded with two problems, HyperMesh absent; one alert fires. */
    static Map<String, Object> degradedNode() {
        Map<String, Object> stoq = layer("ok",
                ordered("network.internet2.stoq.transport", "ACTIVE"),
                ordered("network.internet2.stoq.StoqTransport", true), List.of());
        Map<String, Object> transport = ordered("listeners", List.of("/[0:0:0:0:0:0:0:1]:4433"),
                "nativeTransport", false, "handshakes.ok", 12L, "refusals.untrusted-root", 1L);
        stoq.put("figures", ordered("transport", transport));

        Map<String, Object> trustchain = layer("degraded",
                ordered("network.internet2.trustchain.ca", "ACTIVE", "network.internet2.trustchain.ct", "RESOLVED",
                        "network.internet2.trustchain.dns", "ACTIVE"),
                ordered("network.internet2.trustchain.ca.CertificateAuthority", true,
                        "network.internet2.trustchain.ct.TransparencyLog", false,
                        "network.internet2.trustchain.dns.NameService", true),
                List.of("bundle network.internet2.trustchain.ct is RESOLVED",
                        "component network.internet2.trustchain.ca.rest is missing [ca]"));
        trustchain.put("figures", ordered("dns", ordered("queries", 40L, "meanLatencyMicros", 12.5,
                "byRcode", ordered("NOERROR", 38L, "NXDOMAIN", 2L), "byType", ordered())));

        Map<String, Object> hypermesh = layer("absent", ordered(),
                ordered("network.internet2.hypermesh.asset.AssetRegistry", false,
                        "network.internet2.hypermesh.proof.ConsensusService", false), List.of());

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "degraded");
        answer.put("layers", ordered("stoq", stoq, "trustchain", trustchain, "hypermesh", hypermesh));
        answer.put("alerts", List.of(
                alert("stoq.throughput", true, 1.25, 32.0, "Gbit/s", "the fastest recent bulk stream ran at 1.25 "
                        + "Gbit/s, under 80% of the 40 Gbit/s target"),
                alert("consensus.validation", false, null, 100.0, "ms", "no consensus proof validated yet")));
        answer.put("node", ordered("name", "node1", "uptimeSeconds", 7500L, "version", "0.1.0.SNAPSHOT"));
        return answer;
    }

    private static Map<String, Object> layer(String status, Map<String, Object> bundles, Map<String, Object> services,
            List<String> problems) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", status);
        report.put("bundles", bundles);
        report.put("services", services);
        if (!problems.isEmpty()) {
            report.put("problems", new ArrayList<>(problems));
        }
        return report;
    }

    private static Map<String, Object> alert(String name, boolean firing, Double value, double threshold, String unit,
            String message) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("name", name);
        alert.put("firing", firing);
        alert.put("value", value);
        alert.put("threshold", threshold);
        alert.put("unit", unit);
        alert.put("message", message);
        return alert;
    }

    /** @return a map of the keys and values given in turn, in that order */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
