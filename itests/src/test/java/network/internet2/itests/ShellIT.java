package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shell of the booted node: {@code internet2:status} shows what {@code /health} says, the commands of every
 * layer print aligned tables, and the completers offer what the services hold.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellIT extends Internet2TestSupport {

    private static final String ZONE = "internet2.network.";

    @Test
    public void statusShowsTheNodeItsLayersTheirFiguresAndTheAlerts() throws Exception {
        AtomicReference<String> last = new AtomicReference<>("");
        try {
            waitUntil("internet2:status shows TrustChain ok", Duration.ofSeconds(90), () -> {
                last.set(executeCommand("internet2:status"));
                return last.get().lines().map(ShellIT::cells).anyMatch(cells -> cells.size() > 1
                        && cells.subList(0, 2).equals(List.of("trustchain", "ok")));
            });
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; internet2:status printed:\n" + last.get(), timedOut);
        }
        String status = executeCommand("internet2:status");
        System.out.println("internet2:status in the container:\n" + status);
        List<List<String>> tables = tables(status);
        assertEquals(status, 4, tables.size());

        List<String> node = tables.get(0);
        assertEquals(List.of("Node", "Version", "Status", "Uptime", "Resident memory", "Heap used", "Heap committed",
                "Heap max"), cells(node.get(0)));
        List<String> facts = cells(node.get(2));
        assertEquals(status, "0.1.0.SNAPSHOT", facts.get(1));
        assertTrue(status, facts.get(4).matches("\\d+(\\.\\d)? (MiB|GiB)"));
        assertTrue(status, facts.get(5).matches("\\d+(\\.\\d)? (B|KiB|MiB|GiB)"));

        assertEquals(List.of("stoq", "ok"), cells(row(status, "stoq")).subList(0, 2));
        assertEquals(List.of("hypermesh", "absent", "none"), cells(row(status, "hypermesh")).subList(0, 3));
        assertTrue(status, cells(row(status, "dns.queries")).get(0).equals("trustchain"));
        assertTrue(status, cells(row(status, "transport.handshakes.ok")).get(0).equals("stoq"));
        List<String> alerts = tables.get(3);
        assertEquals(List.of("Alert", "State", "Value", "Threshold", "Message"), cells(alerts.get(0)));
        for (String alert : alerts.subList(2, alerts.size())) {
            assertTrue(status, Set.of("ok", "FIRING").contains(cells(alert).get(1)));
        }
        tables.forEach(ShellIT::assertAligned);
    }

    @Test
    public void statusAsJsonIsTheHealthAnswer() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode printed = json.readTree(executeCommand("internet2:status --json"));
        JsonNode served = json.readTree(httpGet("/health").body());
        assertEquals(names(served), names(printed));
        assertEquals(names(served.get("layers")), names(printed.get("layers")));
        assertEquals(served.get("node").get("version"), printed.get("node").get("version"));
        assertEquals("absent", printed.get("layers").get("hypermesh").get("status").asText());
    }

    @Test
    public void everyLayersCommandsPrintAlignedTables() throws Exception {
        waitUntil("the CA lists the node's certificate", Duration.ofSeconds(90),
                () -> executeCommand("trustchain:list").contains("valid"));
        for (String command : List.of("trustchain:list", "ct:entries -n 3", "dns:records --type AAAA", "dns:stats",
                "stoq:status")) {
            String output = executeCommand(command);
            for (List<String> table : tables(output)) {
                assertAligned(table);
            }
        }
        // the transport's own counters, not another layer's figures
        assertTrue(executeCommand("stoq:status").contains("handshakes.ok"));
        waitUntil("the CT log has an entry", Duration.ofSeconds(60),
                () -> executeCommand("ct:entries -n 1").contains("Not after"));
        assertEquals(List.of("Index", "Type", "Subject", "Not after", "Serial"),
                cells(executeCommand("ct:entries -n 1").split("\\R")[0]));
        try {
            executeCommand("dns:resolve ghost");
            fail("a name without addresses resolved");
        } catch (Exception expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("ghost." + ZONE));
        }
    }

    @Test
    public void completersOfferWhatTheServicesHold() throws Exception {
        waitUntil("the CA lists the node's certificate", Duration.ofSeconds(90),
                () -> executeCommand("trustchain:list").contains("valid"));
        executeCommand("dns:add --ttl 60 shellit fd00:5::1");
        try {
            assertEquals(List.of("shellit." + ZONE), complete("OperatorNameCompleter", "shell"));
            assertTrue(complete("NameCompleter", "").contains("shellit." + ZONE));
            assertTrue(complete("TypeCompleter", "").containsAll(List.of("AAAA", "SOA", "NS")));
            assertTrue(complete("PeerCompleter", "shell").contains("shellit.internet2.network"));
        } finally {
            executeCommand("dns:remove shellit");
        }
        assertEquals(List.of(), complete("OperatorNameCompleter", "shell"));

        // every serial offered for revocation is a certificate trustchain:list shows as valid
        List<String> serials = complete("SerialCompleter", "");
        assertFalse("no serial offered", serials.isEmpty());
        String list = executeCommand("trustchain:list");
        for (String serial : serials) {
            assertEquals(list, "valid", cells(row(list, serial)).get(3));
        }
        assertTrue(complete("RevocationReasonCompleter", "key").contains("keyCompromise"));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Runs the completer registered in the shell whose class has that simple name, as if {@code typed} were the
     * word under the cursor.
     */
    private List<String> complete(String completer, String typed) {
        List<String> candidates = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (Completer registered : sessionFactory.getRegistry().getServices(Completer.class)) {
            if (registered.getClass().getSimpleName().equals(completer)) {
                found.add(registered.getClass().getName());
                registered.complete(null, commandLine(typed), candidates);
            }
        }
        assertEquals("one " + completer + " registered", 1, found.size());
        return candidates.stream().map(String::strip).toList();
    }

    private static CommandLine commandLine(String typed) {
        return new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 1;
            }

            @Override
            public String getCursorArgument() {
                return typed;
            }

            @Override
            public int getArgumentPosition() {
                return typed.length();
            }

            @Override
            public String[] getArguments() {
                return new String[] {"command", typed};
            }

            @Override
            public int getBufferPosition() {
                return getBuffer().length();
            }

            @Override
            public String getBuffer() {
                return "command " + typed;
            }
        };
    }

    /** @return the tables of a command's output: blocks of lines with column separators, or the header's underline */
    private static List<List<String>> tables(String output) {
        List<List<String>> tables = new ArrayList<>();
        List<String> table = new ArrayList<>();
        for (String line : output.split("\\R")) {
            boolean underline = line.matches("[-\u2500]+[+\u253c][-+\u2500\u253c]*");
            if (underline || line.contains("\u2502") || line.contains("|")) {
                table.add(line);
            } else if (!table.isEmpty()) {
                tables.add(table);
                table = new ArrayList<>();
            }
        }
        if (!table.isEmpty()) {
            tables.add(table);
        }
        return tables;
    }

    /** Every line of the table has its column separators where the header has them. */
    private static void assertAligned(List<String> table) {
        List<Integer> header = separators(table.get(0));
        for (String line : table) {
            List<Integer> here = separators(line);
            assertEquals(String.join("\n", table), header, here.subList(0, Math.min(here.size(), header.size())));
        }
    }

    private static List<Integer> separators(String line) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\u2502' || c == '\u253c' || c == '|' || c == '+') {
                positions.add(i);
            }
        }
        return positions;
    }

    /** @return the first line of the output whose first or any cell is {@code text} */
    private static String row(String output, String text) {
        for (String line : output.split("\\R")) {
            if (cells(line).contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no row with " + text + " in:\n" + output);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split("[|\u2502]", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
