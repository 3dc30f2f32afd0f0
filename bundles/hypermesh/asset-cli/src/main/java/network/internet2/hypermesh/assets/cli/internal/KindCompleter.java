package network.internet2.hypermesh.assets.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;

/** Completes the asset kinds the registry offers now ({@code memory}, {@code cpu}, …). */
@Service
public class KindCompleter implements Completer {

    @Reference
    AssetRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(kinds(registry.kinds()), true).complete(session, commandLine, candidates);
    }

    /** @return the kinds' names, in the registry's order */
    static List<String> kinds(List<AssetKind> kinds) {
        return kinds.stream().map(AssetKind::kind).toList();
    }
}
