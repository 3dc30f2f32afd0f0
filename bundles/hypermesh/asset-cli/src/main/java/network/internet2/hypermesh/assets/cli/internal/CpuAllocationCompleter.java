package network.internet2.hypermesh.assets.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

import network.internet2.hypermesh.asset.AssetRegistry;

/** Completes the ids of the active {@code cpu} allocations, for {@code asset:exec --cpu}. */
@Service
public class CpuAllocationCompleter implements Completer {

    static final String CPU_KIND = "cpu";

    @Reference
    AssetRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return AllocationIdCompleter.complete(registry, CPU_KIND, session, commandLine, candidates);
    }
}
