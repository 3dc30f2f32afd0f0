package network.internet2.trustchain.dns.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import network.internet2.trustchain.dns.DnsAdministration;

/** Completes the names {@code dns:remove} can remove: those of the operator's records, added with {@code dns:add}. */
@Service
public class OperatorNameCompleter implements Completer {

    @Reference
    DnsAdministration dns;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Names.operatorNames(dns.records()), false)
                .complete(session, commandLine, candidates);
    }
}
