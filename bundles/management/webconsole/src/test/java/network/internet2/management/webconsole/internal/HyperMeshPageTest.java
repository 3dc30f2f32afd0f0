package network.internet2.management.webconsole.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;
import network.internet2.hypermesh.asset.Capacity;
import network.internet2.hypermesh.proof.ConsensusStatus;
import network.internet2.hypermesh.proof.ConsensusStatus.Timing;

public class HyperMeshPageTest {

    private static String render(java.util.function.Consumer<HtmlFragment> part) {
        HtmlFragment page = new HtmlFragment();
        part.accept(page);
        return page.toString();
    }

    @Test
    public void showsEachKindsCapacityAllocationUseAndHealth() {
        List<AssetKind> offered = List.of(new AssetKind("memory", new Capacity(256L << 20, "bytes"), 64L << 20),
                new AssetKind("gpu", new Capacity(0, "devices"), 0));
        Map<String, HyperMeshPage.AdapterState> adapters = Map.of(
                "memory", new HyperMeshPage.AdapterState(new Capacity(256L << 20, "bytes"), 32L << 20,
                        new AssetAdapter.Health(true, "tmpfs <ok>")),
                "cpu", new HyperMeshPage.AdapterState(new Capacity(2000, "millicores"), 0,
                        new AssetAdapter.Health(false, "cgroup missing")));
        String html = render(page -> HyperMeshPage.kinds(page, offered, adapters));
        assertTrue(html, html.contains("<tr><td>memory</td><td>256 MiB</td><td>64 MiB (25.0%)</td><td>32 MiB</td>"
                + "<td><span class=\"i2-badge i2-good\">healthy</span> tmpfs &lt;ok&gt;</td></tr>"));
        assertTrue(html, html.contains("<tr><td>gpu</td><td>0 devices</td><td>0 devices</td><td>-</td>"
                + "<td>no adapter</td></tr>"));
        assertTrue(html, html.contains("<td>cpu</td><td>2000 millicores</td><td>-</td><td>0 millicores</td>"
                + "<td><span class=\"i2-badge i2-bad\">unhealthy</span> cgroup missing</td>"));
    }

    @Test
    public void listsTheActiveAllocations() throws Exception {
        Allocation allocation = new Allocation("a-1", "memory", 1L << 20, "node2.internet2.network",
                Instant.parse("2026-11-24T13:00:00Z"), (Inet6Address) InetAddress.getByName("fd12:3456::7"),
                Allocation.State.ACTIVE, null);
        String html = render(page -> HyperMeshPage.allocations(page, List.of(allocation), Map.of("memory", "bytes")));
        assertTrue(html, html.contains("<td><code>a-1</code></td><td>memory</td><td>1 MiB</td>"
                + "<td>node2.internet2.network</td><td>2026-11-24 13:00:00 UTC</td><td><code>fd12:3456::7</code></td>"
                + "<td><span class=\"i2-badge i2-good\">active</span></td>"));
        assertTrue(render(page -> HyperMeshPage.allocations(page, List.of(), Map.of()))
                .contains("No active allocation."));
    }

    private static ConsensusStatus status() {
        return new ConsensusStatus(List.of("work", "time"), List.of("work"),
                List.of(new ConsensusStatus.Quarantine("node9.internet2.network", Instant.parse("2026-11-24T14:00:00Z"),
                        "3 invalid proofs")),
                12, 10, Map.of("stale", 2L), Map.of("work", new Timing(12, 1.5, 4.25, 6.0),
                        HyperMeshPage.WHOLE, new Timing(12, 2.0, 5.0, 7.0)),
                Map.of("work", new Timing(10, 0.1, 0.2, 0.3)));
    }

    @Test
    public void showsThePolicyCountsRefusalsAndQuarantine() {
        String html = render(page -> HyperMeshPage.consensus(page, status()));
        assertTrue(html, html.contains("<td>required proofs</td><td>work, time</td>"));
        assertTrue(html, html.contains("<td>proofs refused</td><td>2</td>"));
        assertTrue(html, html.contains("<td>stale</td>"));
        assertTrue(html, html.contains("node9.internet2.network") && html.contains("3 invalid proofs"));
    }

    @Test
    public void showsEveryEngineWithItsTimingsAndARequiredOneThatIsMissing() {
        String html = render(page -> HyperMeshPage.engines(page, Map.of("work", Map.of("proof.type", "work",
                "difficultyBits", 16, "service.id", 42L, "component.name", "x")), status()));
        assertTrue(html, html.contains("<tr><td>work</td><td><span class=\"i2-badge i2-good\">required</span></td>"
                + "<td>difficultyBits=16</td><td class=\"i2-num\">12</td><td>1.5 / 4.25 / 6 ms</td>"
                + "<td class=\"i2-num\">10</td><td>0.1 / 0.2 / 0.3 ms</td></tr>"));
        assertTrue(html, html.contains("<tr><td>time</td><td><span class=\"i2-badge i2-bad\">missing</span></td>"));
        assertTrue(html, html.contains("<td>whole consensus proof</td>") && html.contains("2 / 5 / 7 ms"));
    }

    @Test
    public void saysWhatIsNotInstalled() {
        String html = new HyperMeshPage().render();
        assertTrue(html, html.contains("The asset registry is not installed (feature hypermesh-assets)."));
        assertTrue(html, html.contains("The consensus service is not installed (feature hypermesh-consensus)."));
        assertTrue(html, html.contains("No proof engine is installed"));
        assertFalse(html, html.contains("could not read"));
    }

    @Test
    public void anEnginesSettingsLeaveOutTheFrameworksProperties() {
        assertEquals("defaults", HyperMeshPage.settings(Map.of("service.id", 1L, "objectClass", new String[] {"x"})));
        assertEquals("a=1, b=x, y", HyperMeshPage.settings(Map.of("b", new String[] {"x", "y"}, "a", 1)));
    }
}
