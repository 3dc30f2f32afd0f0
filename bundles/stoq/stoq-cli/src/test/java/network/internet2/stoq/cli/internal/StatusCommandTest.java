package network.internet2.stoq.cli.internal;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class StatusCommandTest {

    private static List<List<String>> rows(Map<String, Object> figures) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StatusCommand.counters(figures).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\\R"))
                .map(line -> Arrays.stream(line.split("[|\u2502]", -1)).map(String::strip).toList()).toList();
    }

    @Test
    public void listsEveryFigureButTheListenersAsCountersWithListsCommaSeparated() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("listeners", List.of("/[0:0:0:0:0:0:0:1]:4433"));
        figures.put("nativeTransport", false);
        figures.put("keyExchangeGroups", List.of("X25519MLKEM768", "MLKEM1024"));
        figures.put("handshakes.ok", 12L);
        figures.put("refusals.untrusted-root", 1L);
        List<List<String>> rows = rows(figures);
        assertEquals(List.of("Counter", "Value"), rows.get(0));
        assertEquals(List.of(
                List.of("nativeTransport", "false"),
                List.of("keyExchangeGroups", "X25519MLKEM768, MLKEM1024"),
                List.of("handshakes.ok", "12"),
                List.of("refusals.untrusted-root", "1")), rows.subList(2, rows.size()));
    }

    @Test
    public void saysSoWhenThereAreNoCountersOrListeners() {
        assertEquals(List.of("The transport has no counters yet."), rows(Map.of("listeners", List.of())).get(2));
        assertEquals("nothing (no listener is open)", StatusCommand.listeners(List.of()));
    }

    @Test
    public void namesEveryListener() throws Exception {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        assertEquals("[0:0:0:0:0:0:0:1]:4433, [0:0:0:0:0:0:0:1]:4434", StatusCommand.listeners(List.of(
                new InetSocketAddress(loopback, 4433), new InetSocketAddress(loopback, 4434))));
    }
}
