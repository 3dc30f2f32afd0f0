package network.internet2.trustchain.ca.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes revocation reasons by their camel-case names ({@code keyCompromise}, …). */
@Service
public class RevocationReasonCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Reasons.names(), false).complete(session, commandLine, candidates);
    }
}
