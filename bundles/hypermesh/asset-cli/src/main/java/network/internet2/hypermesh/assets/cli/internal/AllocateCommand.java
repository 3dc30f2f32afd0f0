package network.internet2.hypermesh.assets.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;
import network.internet2.hypermesh.asset.InsufficientCapacityException;

/** {@code asset:allocate <kind> <amount> [--lease s]}: an allocation for the node's operator. */
@Service
@Command(scope = "asset", name = "allocate",
        description = "Allocates an amount of an asset kind to the node's operator (owner local-operator) and "
                + "prints its id, lease expiry and proxy address. Options go before the arguments.")
public class AllocateCommand implements Action {

    @Reference
    AssetRegistry registry;

    @Argument(index = 0, name = "kind", required = true, description = "The asset kind, as asset:list shows it "
            + "(memory, cpu, storage, gpu, vm, ...)")
    @Completion(KindCompleter.class)
    String kind;

    @Argument(index = 1, name = "amount", required = true, description = "How much, in the kind's unit; for kinds "
            + "counted in bytes also with KiB/MiB/GiB/TiB (1024-based) or kB/MB/GB/TB (1000-based): 64MiB, 1.5GiB")
    String amount;

    @Option(name = "--lease", aliases = "-l", description = "How long, in seconds or with s/m/h/d (90m, 2h); the "
            + "registry caps it (max.lease.seconds, one day by default)")
    String lease = "3600";

    @Override
    public Object execute() throws Exception {
        List<AssetKind> kinds = registry.kinds();
        AssetKind offered = Lookup.kind(kinds, kind).orElseThrow(() -> new CommandException("no asset of kind '"
                + kind + "' is offered; the kinds are: " + Lookup.kindNames(kinds)));
        String unit = offered.capacity().unit();
        long wanted = Amounts.amount(amount, kind, unit);
        Allocation granted;
        try {
            granted = registry.allocate(kind, wanted, Amounts.lease(lease), Allocation.LOCAL_OPERATOR);
        } catch (InsufficientCapacityException e) {
            throw new CommandException(tooLittle(registry.kinds(), kind, wanted, unit), e);
        } catch (AssetException e) {
            throw new CommandException(e.getMessage(), e);
        }
        System.out.println("Allocated " + Format.amount(granted.amount(), unit) + " of " + kind + ":");
        Format.granted(granted, unit).forEach(line -> System.out.println("  " + line));
        return null;
    }

    /** @return {@code cannot allocate 1.5 GiB of vm: only 128 MiB of 128 MiB are available} */
    static String tooLittle(List<AssetKind> kinds, String kind, long wanted, String unit) {
        AssetKind now = Lookup.kind(kinds, kind).orElse(null);
        String available = now == null ? "none is" : Format.amount(Math.max(0, now.capacity().total()
                - now.allocated()), unit) + " of " + Format.amount(now.capacity().total(), unit) + " are";
        return "cannot allocate " + Format.amount(wanted, unit) + " of " + kind + ": only " + available
                + " available (asset:list shows every kind)";
    }
}
