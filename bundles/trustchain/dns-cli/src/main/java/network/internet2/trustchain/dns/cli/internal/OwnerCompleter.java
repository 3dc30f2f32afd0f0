package network.internet2.trustchain.dns.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import network.internet2.trustchain.dns.DnsAdministration;
import network.internet2.trustchain.dns.DnsRecord;

/** Completes who published records: {@code zone}, {@code operator} and bundles' symbolic names. */
@Service
public class OwnerCompleter implements Completer {

    @Reference
    DnsAdministration dns;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(owners(dns.records()), true).complete(session, commandLine, candidates);
    }

    /** @return the distinct owners of the records, in the order given */
    static List<String> owners(List<DnsRecord> records) {
        return records.stream().map(DnsRecord::owner).distinct().toList();
    }
}
