package network.internet2.trustchain.dns.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import network.internet2.trustchain.dns.DnsAdministration;

/** Completes the record types the zone holds now ({@code AAAA}, {@code SOA}, {@code RRSIG}, …), for {@code --type}. */
@Service
public class TypeCompleter implements Completer {

    @Reference
    DnsAdministration dns;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Names.types(dns.records()), false).complete(session, commandLine, candidates);
    }
}
