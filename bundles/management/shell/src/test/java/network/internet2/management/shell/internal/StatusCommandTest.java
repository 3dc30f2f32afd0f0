package network.internet2.management.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Rule;
import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

public class StatusCommandTest {

    private static final NodeMemory MEMORY = new NodeMemory(412L << 20, 96L << 20, 256L << 20, 1L << 30);

    @Rule
    public Console console = new Console();

    /** @return the four tables {@code internet2:status} prints, each as its lines */
    private static List<List<String>> tables(Map<String, Object> answer, NodeMemory memory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StatusCommand.print(new HealthAnswer(answer), memory, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<List<String>> tables = new ArrayList<>();
        for (String block : bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n").split("\n\n")) {
            tables.add(List.of(block.split("\n")));
        }
        return tables;
    }

    /** @return the cells of a table line, stripped */
    private static List<String> cells(String line) {
        return Arrays.stream(line.split("[|\u2502]", -1)).map(String::strip).toList();
    }

    /** @return where the column separators of a line are */
    private static List<Integer> separators(String line) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|' || line.charAt(i) == '\u2502' || line.charAt(i) == '+'
                    || line.charAt(i) == '\u253c') {
                positions.add(i);
            }
        }
        return positions;
    }

    private static void assertAligned(List<String> table) {
        List<Integer> header = separators(table.get(0));
        for (String line : table) {
            List<Integer> here = separators(line);
            assertEquals("column separators of\n" + String.join("\n", table), header, here.subList(0,
                    Math.min(here.size(), header.size())));
        }
    }

    @Test
    public void showsTheNodeWithItsVersionStatusUptimeAndMemory() {
        List<String> node = tables(SampleHealth.degradedNode(), MEMORY).get(0);
        assertEquals(List.of("Node", "Version", "Status", "Uptime", "Resident memory", "Heap used", "Heap committed",
                "Heap max"), cells(node.get(0)));
        assertEquals(List.of("node1", "0.1.0.SNAPSHOT", "degraded", "2 h 5 min", "412 MiB", "96 MiB", "256 MiB",
                "1 GiB"), cells(node.get(2)));
        assertEquals(3, node.size());
        assertAligned(node);
    }

    @Test
    public void showsEachLayersStatusBundlesMissingServicesAndEveryProblemOnItsOwnLine() {
        List<String> layers = tables(SampleHealth.degradedNode(), MEMORY).get(1);
        assertEquals(List.of("Layer", "Status", "Bundles", "Services", "Missing services", "Problems"),
                cells(layers.get(0)));
        assertEquals(List.of("stoq", "ok", "1/1 active", "1/1 registered", "", ""), cells(layers.get(2)));
        assertEquals(List.of("trustchain", "degraded", "2/3 active", "2/3 registered", "TransparencyLog",
                "bundle network.internet2.trustchain.ct is RESOLVED"), cells(layers.get(3)));
        assertEquals(List.of("", "", "", "", "", "component network.internet2.trustchain.ca.rest is missing [ca]"),
                cells(layers.get(4)));
        assertEquals(List.of("hypermesh", "absent", "none", "0/2 registered", "AssetRegistry, ConsensusService", ""),
                cells(layers.get(5)));
        assertEquals(6, layers.size());
        assertAligned(layers);
    }

    @Test
    public void listsEveryFigureOfEveryLayerFlatteningNestedMaps() {
        List<String> figures = tables(SampleHealth.degradedNode(), MEMORY).get(2);
        assertEquals(List.of("Layer", "Figure", "Value"), cells(figures.get(0)));
        assertEquals(List.of(
                List.of("stoq", "transport.listeners", "/[0:0:0:0:0:0:0:1]:4433"),
                List.of("stoq", "transport.nativeTransport", "no"),
                List.of("stoq", "transport.handshakes.ok", "12"),
                List.of("stoq", "transport.refusals.untrusted-root", "1"),
                List.of("trustchain", "dns.queries", "40"),
                List.of("trustchain", "dns.meanLatencyMicros", "12.5"),
                List.of("trustchain", "dns.byRcode.NOERROR", "38"),
                List.of("trustchain", "dns.byRcode.NXDOMAIN", "2"),
                List.of("trustchain", "dns.byType", "none")),
                figures.subList(2, figures.size()).stream().map(StatusCommandTest::cells).toList());
        assertAligned(figures);
    }

    @Test
    public void showsWhichAlertFiresWithItsValueAgainstItsThreshold() {
        List<String> alerts = tables(SampleHealth.degradedNode(), MEMORY).get(3);
        assertEquals(List.of("Alert", "State", "Value", "Threshold", "Message"), cells(alerts.get(0)));
        assertEquals(List.of("stoq.throughput", "FIRING", "1.25 Gbit/s", "32 Gbit/s", "the fastest recent bulk "
                + "stream ran at 1.25 Gbit/s, under 80% of the 40 Gbit/s target"), cells(alerts.get(2)));
        assertEquals(List.of("consensus.validation", "ok", "-", "100 ms", "no consensus proof validated yet"),
                cells(alerts.get(3)));
        assertAligned(alerts);
        // values are right-aligned: they end in the same column
        assertEquals(alerts.get(2).indexOf("Gbit/s") + "Gbit/s".length(), alerts.get(3).indexOf(" -") + 2);
    }

    @Test
    public void saysWhatIsMissingWhenTheAnswerIsEmpty() {
        List<List<String>> tables = tables(Map.of(), new NodeMemory(NodeMemory.UNKNOWN, 1024, 2048,
                NodeMemory.UNKNOWN));
        assertEquals(List.of("-", "-", "-", "-", "unknown", "1 KiB", "2 KiB", "unbounded"),
                cells(tables.get(0).get(2)));
        assertTrue(String.join("\n", tables.get(1)), tables.get(1).contains("The health answer names no layer."));
        assertTrue(tables.get(2).contains("No layer publishes figures."));
        assertTrue(tables.get(3).contains("No alert is defined (the management-monitoring bundle defines them)."));
    }

    @Test
    public void theCommandPrintsTheTablesWithThisProcesssMemory() throws Exception {
        new StatusCommand().show(SampleHealth::degradedNode);
        String out = console.out();
        String nodeRow = out.split("\n")[2];
        List<String> row = cells(nodeRow);
        assertEquals(out, "node1", row.get(0));
        assertTrue(nodeRow, row.get(5).matches("\\d+(\\.\\d)? (B|KiB|MiB|GiB)"));
        assertTrue(out, out.contains("FIRING"));
        assertTrue(out, out.contains("component network.internet2.trustchain.ca.rest is missing [ca]"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void withJsonPrintsTheHealthAnswerItself() throws Exception {
        StatusCommand command = new StatusCommand();
        command.json = true;
        command.show(SampleHealth::degradedNode);
        Map<String, Object> printed = new ObjectMapper().readValue(console.out(), Map.class);
        assertEquals(new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(SampleHealth.degradedNode()),
                Map.class), printed);
        assertEquals("degraded", printed.get("status"));
        assertFalse(console.out(), console.out().contains("\u2502"));
    }

    @Test
    public void failsWithAClearMessageWithoutTheHealthService() throws Exception {
        try {
            new StatusCommand().show(null);
            fail("ran without a health service");
        } catch (CommandException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("management-health"));
        }
        assertEquals("", console.out());
    }

    @Test
    public void failsWithTheCauseWhenTheHealthServiceFails() throws Exception {
        Supplier<Map<String, Object>> broken = () -> {
            throw new IllegalStateException("ServiceComponentRuntime is gone");
        };
        try {
            new StatusCommand().show(broken);
            fail("a failing health service went unnoticed");
        } catch (CommandException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().startsWith("the health service failed to "
                    + "evaluate the node: java.lang.IllegalStateException: ServiceComponentRuntime is gone"));
        }
    }
}
