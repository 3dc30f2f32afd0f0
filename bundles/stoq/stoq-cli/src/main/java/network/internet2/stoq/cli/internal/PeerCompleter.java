package network.internet2.stoq.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import network.internet2.trustchain.dns.DnsAdministration;
import network.internet2.trustchain.dns.DnsRecord;

/**
 * Completes a peer with the names the stack's DNS has addresses for (the zone's AAAA records), written as
 * certificates name them, without the trailing dot: {@code node1.internet2.network}. Offers nothing while the DNS
 * server is not running; an IPv6 address can always be typed.
 */
@Service
public class PeerCompleter implements Completer {

    @Reference(optional = true)
    DnsAdministration dns;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        DnsAdministration zone = dns;
        List<String> names = zone == null ? List.of() : names(zone.records());
        return new StringsCompleter(names, false).complete(session, commandLine, candidates);
    }

    /** @return the distinct names of the AAAA records, without their trailing dot, in the order given */
    static List<String> names(List<DnsRecord> records) {
        return records.stream().filter(record -> "AAAA".equalsIgnoreCase(record.type()))
                .map(record -> record.name().endsWith(".")
                        ? record.name().substring(0, record.name().length() - 1) : record.name())
                .distinct().toList();
    }
}
