package network.internet2.hypermesh.assets.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetRegistry;

/** Completes the ids of the active allocations, of every kind. */
@Service
public class AllocationIdCompleter implements Completer {

    @Reference
    AssetRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return complete(registry, null, session, commandLine, candidates);
    }

    /** Completes the active allocations of {@code kind} (any kind if {@code null}). */
    static int complete(AssetRegistry registry, String kind, Session session, CommandLine commandLine,
            List<String> candidates) {
        return new StringsCompleter(ids(registry.allocations(), kind), true).complete(session, commandLine,
                candidates);
    }

    /** @return the ids of the active allocations of {@code kind} (any kind if {@code null}), oldest first */
    static List<String> ids(List<Allocation> allocations, String kind) {
        return allocations.stream()
                .filter(allocation -> allocation.state() == Allocation.State.ACTIVE)
                .filter(allocation -> kind == null || kind.equals(allocation.kind()))
                .map(Allocation::id).toList();
    }
}
