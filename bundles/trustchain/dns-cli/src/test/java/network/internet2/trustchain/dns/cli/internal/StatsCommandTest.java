package network.internet2.trustchain.dns.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;

import network.internet2.trustchain.dns.DnsStatistics;

public class StatsCommandTest {

    @Rule
    public Console console = new Console();

    private final FakeDns dns = new FakeDns();

    private List<String> run() throws Exception {
        StatsCommand command = new StatsCommand();
        command.dns = dns;
        command.execute();
        return List.of(console.out().split("\n"));
    }

    private static String cells(String line) {
        return String.join(" ", line.strip().split("\\s*[|\u2502]\\s*|\\s+"));
    }

    @Test
    public void showsTheCountersThenCountsByTypeAndByRcodeLargestFirst() throws Exception {
        dns.statistics = new DnsStatistics(10, 1, Map.of("A", 3L, "AAAA", 6L, "DNSKEY", 1L),
                Map.of("NXDOMAIN", 3L, "NOERROR", 7L), 2, 4, 12.345, 99);
        List<String> lines = run();
        assertEquals(List.of(
                "Queries answered  10",
                "Dropped           1 (unparseable, or not a query)",
                "Over TCP          4",
                "Truncated         2 (UDP answers sent with the TC bit)",
                "Mean latency      12.3 \u00b5s",
                "Max latency       99.0 \u00b5s",
                ""), lines.subList(0, 7));
        assertEquals("Type Count Share", cells(lines.get(7)));
        assertEquals("AAAA 6 60.0%", cells(lines.get(9)));
        assertEquals("A 3 30.0%", cells(lines.get(10)));
        assertEquals("DNSKEY 1 10.0%", cells(lines.get(11)));
        assertEquals("", lines.get(12));
        assertEquals("Rcode Count Share", cells(lines.get(13)));
        assertEquals("NOERROR 7 70.0%", cells(lines.get(15)));
        assertEquals("NXDOMAIN 3 30.0%", cells(lines.get(16)));
        assertEquals(17, lines.size());
        // counts are right-aligned under their header
        assertEquals(lines.get(9).indexOf('6'), lines.get(10).indexOf('3'));
    }

    @Test
    public void saysSoBeforeTheFirstQuery() throws Exception {
        List<String> lines = run();
        assertEquals("Queries answered  0", lines.get(0));
        assertEquals("Mean latency      0.0 \u00b5s", lines.get(4));
        assertEquals(2, lines.stream().filter(line -> line.equals("No query answered yet.")).count());
        assertTrue(console.err().isEmpty());
    }
}
