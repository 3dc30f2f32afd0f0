package network.internet2.hypermesh.assets.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

import network.internet2.hypermesh.asset.AssetRegistry;

/** Completes the ids of the active {@code vm} allocations, where {@code asset:exec} runs modules. */
@Service
public class VmAllocationCompleter implements Completer {

    static final String VM_KIND = "vm";

    @Reference
    AssetRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return AllocationIdCompleter.complete(registry, VM_KIND, session, commandLine, candidates);
    }
}
