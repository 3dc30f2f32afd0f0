package network.internet2.hypermesh.assets.cli.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import network.internet2.hypermesh.asset.AllocationDirectory;
import network.internet2.hypermesh.asset.AssetRegistry;

/**
 * Completes the identities granted an allocation, for {@code asset:grant --revoke <id> <identity>}: those of the
 * allocation already typed on the command line, else those of every active allocation.
 */
@Service
public class GranteeCompleter implements Completer {

    @Reference
    AssetRegistry registry;

    @Reference
    AllocationDirectory directory;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> active = AllocationIdCompleter.ids(registry.allocations(), null);
        List<String> typed = commandLine == null ? List.of() : Arrays.asList(commandLine.getArguments());
        return new StringsCompleter(grantees(active, typed, directory::grantees), true)
                .complete(session, commandLine, candidates);
    }

    /**
     * @param active    the ids of the active allocations
     * @param typed     the words on the command line
     * @param granteesOf who is granted an allocation, by its id
     * @return the identities granted the allocations named among {@code typed}, or if none is, every active
     *         allocation's, sorted, each once
     */
    static List<String> grantees(List<String> active, List<String> typed, Function<String, Set<String>> granteesOf) {
        List<String> named = active.stream().filter(typed::contains).toList();
        return (named.isEmpty() ? active : named).stream().flatMap(id -> granteesOf.apply(id).stream())
                .distinct().sorted().toList();
    }
}
