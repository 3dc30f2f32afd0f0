package network.internet2.hypermesh.assets.cli.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;

/** {@code asset:release <id>}: ends an allocation now and returns its capacity. */
@Service
@Command(scope = "asset", name = "release",
        description = "Releases an active allocation now (any owner's: the operator may release every allocation) "
                + "and returns its capacity to the kind.")
public class ReleaseCommand implements Action {

    @Reference
    AssetRegistry registry;

    @Argument(index = 0, name = "id", required = true, description = "The allocation's id, as asset:allocations "
            + "shows it")
    @Completion(AllocationIdCompleter.class)
    String id;

    @Override
    public Object execute() throws Exception {
        Allocation allocation = Lookup.active(registry, id, "release", null);
        try {
            registry.release(id, Allocation.LOCAL_OPERATOR);
        } catch (AssetException e) {
            throw new CommandException(e.getMessage(), e);
        }
        System.out.println("Released allocation " + id + " (" + Format.amount(allocation.amount(),
                Lookup.unit(registry.kinds(), allocation.kind())) + " of " + allocation.kind() + ", owner "
                + allocation.owner() + ")");
        return null;
    }
}
