package network.internet2.trustchain.dns.cli.internal;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import network.internet2.trustchain.dns.DnsAdministration;
import network.internet2.trustchain.dns.DnsStatistics;

/** {@code dns:stats}: what the DNS server has done since it started. */
@Service
@Command(scope = "dns", name = "stats",
        description = "Shows the DNS server's counters since it started: queries answered, dropped, over TCP, "
                + "truncated, mean and maximum latency, and the answers by question type and by response code.")
public class StatsCommand implements Action {

    @Reference
    DnsAdministration dns;

    @Override
    public Object execute() throws Exception {
        DnsStatistics statistics = dns.statistics();
        Format.aligned(summary(statistics)).forEach(System.out::println);
        System.out.println();
        counts("Type", statistics.byType(), statistics.queries()).print(System.out);
        System.out.println();
        counts("Rcode", statistics.byRcode(), statistics.queries()).print(System.out);
        return null;
    }

    /** @return the counters, labelled, in the order {@code dns:stats} prints them */
    static List<Map.Entry<String, String>> summary(DnsStatistics statistics) {
        return List.of(
                Map.entry("Queries answered", Long.toString(statistics.queries())),
                Map.entry("Dropped", statistics.dropped() + " (unparseable, or not a query)"),
                Map.entry("Over TCP", Long.toString(statistics.tcpQueries())),
                Map.entry("Truncated", statistics.truncated() + " (UDP answers sent with the TC bit)"),
                Map.entry("Mean latency", Format.micros(statistics.meanLatencyMicros())),
                Map.entry("Max latency", Format.micros(statistics.maxLatencyMicros())));
    }

    private static ShellTable counts(String what, Map<String, Long> counts, long queries) {
        ShellTable table = new ShellTable().emptyTableText("No query answered yet.");
        table.column(what);
        table.column("Count").alignRight();
        table.column("Share").alignRight();
        for (Map.Entry<String, Long> count : Format.byCount(counts)) {
            table.addRow().addContent(count.getKey(), count.getValue(), Format.share(count.getValue(), queries));
        }
        return table;
    }
}
