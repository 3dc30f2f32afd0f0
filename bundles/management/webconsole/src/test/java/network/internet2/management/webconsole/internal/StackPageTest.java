package network.internet2.management.webconsole.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.Test;

public class StackPageTest {

    /** An answer shaped as {@code GET /health} gives it. */
    private static Map<String, Object> health() {
        Map<String, Object> stoq = new LinkedHashMap<>();
        stoq.put("status", "degraded");
        stoq.put("bundles", Map.of("network.internet2.stoq.transport", "RESOLVED"));
        stoq.put("services", Map.of("network.internet2.stoq.StoqTransport", false));
        stoq.put("problems", List.of("bundle network.internet2.stoq.transport is <RESOLVED>"));
        Map<String, Object> trustchain = new LinkedHashMap<>();
        trustchain.put("status", "ok");
        trustchain.put("bundles", Map.of("network.internet2.trustchain.dns", "ACTIVE"));
        trustchain.put("services", Map.of("network.internet2.trustchain.dns.NameService", true));
        trustchain.put("figures", Map.of("dns", Map.of("zone", "internet2.network.", "records", 32)));
        Map<String, Object> layers = new LinkedHashMap<>();
        layers.put("stoq", stoq);
        layers.put("trustchain", trustchain);
        layers.put("hypermesh", Map.of("status", "absent", "bundles", Map.of(), "services", Map.of()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "degraded");
        answer.put("layers", layers);
        answer.put("alerts", List.of(Map.of("name", "dns-latency", "firing", true, "value", 12.5, "threshold", 10.0,
                "unit", "ms", "message", "DNS answers are slow")));
        answer.put("node", Map.of("name", "node1", "uptimeSeconds", 302L, "version", "0.1.0"));
        return answer;
    }

    @Test
    public void showsEachLayerWithItsStatusProblemsAndFigures() {
        StackPage page = new StackPage();
        Supplier<Map<String, Object>> source = StackPageTest::health;
        page.setHealth(source);
        String html = page.render();
        assertTrue(html, html.contains("<a href=\"internet2-trustchain\">TrustChain</a> <span class=\"i2-badge i2-good\">ok</span>"));
        assertTrue(html, html.contains("<a href=\"internet2-stoq\">STOQ</a> <span class=\"i2-badge i2-bad\">degraded</span>"));
        assertTrue(html, html.contains("i2-none\">absent"));
        assertTrue(html, html.contains("bundle network.internet2.stoq.transport is &lt;RESOLVED&gt;"));
        assertFalse(html, html.contains("<RESOLVED>"));
        assertTrue(html, html.contains("<td>zone</td><td>internet2.network.</td>"));
        assertTrue(html, html.contains("<td>NameService</td><td><span class=\"i2-badge i2-good\">installed"));
        assertTrue(html, html.contains("<td>uptime</td><td>5 min 2 s</td>"));
        assertTrue(html, html.contains("DNS answers are slow") && html.contains("i2-bad\">firing"));
    }

    @Test
    public void withoutTheHealthServiceSaysSoAndStillShowsTheLayersFigures() {
        StackPage page = new StackPage();
        Supplier<Map<String, Object>> dns = () -> Map.of("records", 32);
        page.addFigures(dns, Map.of(Figures.PROPERTY, "trustchain.dns"));
        String html = page.render();
        assertTrue(html, html.contains("The node&#39;s health service is not installed"));
        assertTrue(html, html.contains("<h3>dns</h3>") && html.contains("<td>records</td><td>32</td>"));
        page.removeFigures(dns);
        assertFalse(page.render().contains("<h3>dns</h3>"));
    }

    @Test
    public void aHealthServiceReplacedBeforeTheOldIsUnboundStaysBound() {
        StackPage page = new StackPage();
        Supplier<Map<String, Object>> old = StackPageTest::health;
        Supplier<Map<String, Object>> better = StackPageTest::health;
        page.setHealth(old);
        page.setHealth(better);
        page.unsetHealth(old);
        assertFalse(page.render().contains("not installed"));
        page.unsetHealth(better);
        assertTrue(page.render().contains("not installed"));
    }

    @Test
    public void aFailingHealthServiceIsReportedOnThePage() {
        StackPage page = new StackPage();
        Supplier<Map<String, Object>> broken = () -> {
            throw new IllegalStateException("framework stopping");
        };
        page.setHealth(broken);
        String html = page.render();
        assertTrue(html, html.contains("could not read the node&#39;s health: java.lang.IllegalStateException: "
                + "framework stopping"));
    }

    @Test
    public void summarisesTheLayersBundles() {
        assertTrue(StackPage.bundleSummary(Map.of("a", "ACTIVE", "b", "ACTIVE")).equals("2 bundles, all active."));
        assertTrue(StackPage.bundleSummary(Map.of("a", "RESOLVED")).equals("1 bundle; not active: a RESOLVED"));
        assertTrue(StackPage.bundleSummary(Map.of()).startsWith("No bundle"));
    }
}
