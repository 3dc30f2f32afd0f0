package network.internet2.trustchain.ct.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import network.internet2.trustchain.ct.TransparencyLog;

/** Completes a tree size with the size of the log's latest signed tree head, the one size the shell can verify. */
@Service
public class TreeSizeCompleter implements Completer {

    @Reference
    TransparencyLog log;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(sizes(log.latestTreeHead().treeSize()), true)
                .complete(session, commandLine, candidates);
    }

    /** @return the latest size, or nothing for an empty log (no tree size is valid there) */
    static List<String> sizes(long latest) {
        return latest < 1 ? List.of() : List.of(Long.toString(latest));
    }
}
