package network.internet2.management.webconsole.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.Test;

public class StoqPageTest {

    @Test
    public void showsWhatEachTransportListensOn() {
        Map<String, List<InetSocketAddress>> listeners = new LinkedHashMap<>();
        listeners.put("main", List.of(new InetSocketAddress("::1", 4433)));
        listeners.put("additional (network.internet2.stoq.transport.additional~<public>)", List.of());
        HtmlFragment page = new HtmlFragment();
        StoqPage.transports(page, listeners);
        String html = page.toString();
        assertTrue(html, html.contains("<td>main</td><td><code>[::1]:4433</code></td>"
                + "<td><span class=\"i2-badge i2-good\">listening</span></td>"));
        assertTrue(html, html.contains("additional (network.internet2.stoq.transport.additional~&lt;public&gt;)"));
        assertTrue(html, html.contains("not listening"));
    }

    @Test
    public void showsTheTransportsFiguresByGroup() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("listeners", List.of("/[0:0:0:0:0:0:0:1]:4433"));
        figures.put("nativeTransport", true);
        figures.put("connections.active", 2L);
        figures.put("connections.opened", 5L);
        figures.put("refusals.revoked", 1L);
        figures.put("bytes.in", 3L << 20);
        StoqPage page = new StoqPage();
        Supplier<Map<String, Object>> source = () -> figures;
        page.addFigures(source, Map.of(Figures.PROPERTY, "stoq.transport"));
        String html = page.render();
        assertTrue(html, html.contains("i2-card-title\">connections</div>"));
        assertTrue(html, html.contains("<td>active</td><td>2</td>"));
        assertTrue(html, html.contains("<td>revoked</td><td>1</td>"));
        assertTrue(html, html.contains("<td>in</td><td>3 MiB</td>"));
        assertTrue(html, html.contains("<td>nativeTransport</td><td>true</td>"));
        page.removeFigures(source);
        assertTrue(page.render().contains("The transport publishes no figures."));
    }

    @Test
    public void saysWhenNoTransportIsInstalled() {
        String html = new StoqPage().render();
        assertTrue(html, html.contains("The STOQ transport is not installed (feature stoq-transport)."));
        assertTrue(html, html.contains("The transport publishes no figures."));
    }

    @Test
    public void namesTheMainAndTheAdditionalTransports() {
        assertEquals("main", StoqPage.name(Map.of()));
        assertEquals("additional", StoqPage.name(Map.of(StoqPage.ROLE_PROPERTY, "additional")));
        assertEquals("additional (network.internet2.stoq.transport.additional~public)", StoqPage.name(Map.of(
                StoqPage.ROLE_PROPERTY, "additional", "service.pid", "network.internet2.stoq.transport.additional~public")));
    }
}
