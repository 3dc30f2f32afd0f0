package network.internet2.management.webconsole.internal;

import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.Test;

public class FiguresTest {

    @Test
    public void flattensNestedMapsAndListsIntoDottedNames() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requiredProofs", List.of("work", "time"));
        figures.put("proveMillis", Map.of("work", Map.of("p50", 1.23456)));
        figures.put("quarantined", List.of(Map.of("node", "n1")));
        figures.put("refused", Map.of());
        figures.put("proved", 7L);
        Map<String, Object> flat = Figures.flatten(figures);
        assertEquals("work, time", flat.get("requiredProofs"));
        assertEquals("1.235", flat.get("proveMillis.work.p50"));
        assertEquals("n1", flat.get("quarantined[0].node"));
        assertEquals("none", flat.get("refused"));
        assertEquals(7L, flat.get("proved"));
    }

    @Test
    public void writesDecimalsWithoutTrailingZerosAndArraysAsLists() {
        assertEquals("2", Figures.plain(2.0));
        assertEquals("0.5", Figures.plain(0.5));
        assertEquals("a, b", Figures.plain(new String[] {"a", "b"}));
    }

    @Test
    public void condensesGroupsOfCountersThatAreAllZero() {
        Map<String, Object> flat = new LinkedHashMap<>();
        flat.put("nativeTransport", true);
        flat.put("refusals.expired", 0L);
        flat.put("refusals.revoked", 0L);
        flat.put("refusals.untrusted-root", 0L);
        flat.put("handshakes.ok", 3L);
        flat.put("handshakes.failed", 0L);
        flat.put("handshakes.timeouts", 0L);
        Map<String, Object> condensed = Figures.condense(flat);
        assertEquals(Map.of("nativeTransport", true, "refusals.*", "all 0", "handshakes.ok", 3L,
                "handshakes.failed", 0L, "handshakes.timeouts", 0L), condensed);
    }

    @Test
    public void readsTheFiguresOfOneLayerByPartAndReportsAFailingSource() {
        Figures figures = new Figures();
        Supplier<Map<String, Object>> dns = () -> Map.of("records", 32);
        Supplier<Map<String, Object>> broken = () -> {
            throw new IllegalStateException("log closed");
        };
        Supplier<Map<String, Object>> stoq = () -> Map.of("connections.active", 1);
        figures.add(dns, Map.of(Figures.PROPERTY, "trustchain.dns"));
        figures.add(broken, Map.of(Figures.PROPERTY, "trustchain.ct"));
        figures.add(stoq, Map.of(Figures.PROPERTY, "stoq.transport"));
        Map<String, Map<String, Object>> trustchain = figures.of("trustchain");
        assertEquals(List.of("ct", "dns"), List.copyOf(trustchain.keySet()));
        assertEquals(32, trustchain.get("dns").get("records"));
        assertEquals("log closed", trustchain.get("ct").get("error"));
        figures.remove(dns);
        assertEquals(List.of("ct"), List.copyOf(figures.of("trustchain").keySet()));
    }
}
