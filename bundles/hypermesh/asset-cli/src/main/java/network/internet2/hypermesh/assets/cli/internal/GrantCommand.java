package network.internet2.hypermesh.assets.cli.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AllocationDirectory;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;

/**
 * {@code asset:grant <id> <identity>} (and {@code --revoke}): lets another node, named by its
 * certificate identity, read and write an allocation remotely over STOQ, or withdraws that.
 */
@Service
@Command(scope = "asset", name = "grant",
        description = "Lets a certificate identity (e.g. node2.internet2.network) use an allocation remotely over "
                + "STOQ (hypermesh.memory / hypermesh.storage), or withdraws that with --revoke. Without an "
                + "identity, lists who is granted. Options go before the arguments, as in: asset:grant --revoke ID "
                + "IDENTITY")
public class GrantCommand implements Action {

    @Reference
    AssetRegistry registry;

    @Reference
    AllocationDirectory directory;

    @Option(name = "--revoke", description = "Withdraw the identity's access instead of granting it")
    boolean revoke;

    @Argument(index = 0, name = "id", required = true, description = "The allocation's id")
    @Completion(AllocationIdCompleter.class)
    String id;

    @Argument(index = 1, name = "identity", description = "A certificate identity (its DNS name), such as "
            + "node2.internet2.network; with --revoke, one granted (completed)")
    @Completion(GranteeCompleter.class)
    String identity;

    @Override
    public Object execute() throws Exception {
        Allocation allocation = Lookup.active(registry, id, revoke ? "withdraw access to" : "grant access to",
                null);
        try {
            if (identity == null) {
                System.out.println("Allocation " + id + " (" + allocation.kind() + ", proxy address "
                        + allocation.proxyAddress().getHostAddress() + ") is usable remotely by its owner "
                        + allocation.owner() + (directory.grantees(id).isEmpty() ? " only"
                                : " and " + String.join(", ", directory.grantees(id))));
            } else if (revoke) {
                directory.revoke(id, identity, Allocation.LOCAL_OPERATOR);
                System.out.println(identity + " may no longer use allocation " + id);
            } else {
                directory.grant(id, identity, Allocation.LOCAL_OPERATOR);
                System.out.println(identity + " may now use allocation " + id + " remotely at proxy address "
                        + allocation.proxyAddress().getHostAddress());
            }
        } catch (AssetException e) {
            throw new CommandException(e.getMessage(), e);
        }
        return null;
    }
}
