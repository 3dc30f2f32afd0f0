package network.internet2.hypermesh.assets.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;

/** {@code asset:allocations [--all]}: the active allocations, the operator's or everyone's. */
@Service
@Command(scope = "asset", name = "allocations",
        description = "Lists the active allocations, oldest first: id, kind, amount, owner, lease expiry (UTC), "
                + "proxy address and state. Without --all only the operator's own (owner local-operator, made "
                + "with asset:allocate or the REST interface); --all adds those of every other owner (peers, by "
                + "certificate identity). Ended allocations are not listed; GET /assets/allocations/<id> shows one.")
public class AllocationsCommand implements Action {

    @Reference
    AssetRegistry registry;

    @Option(name = "--all", aliases = "-a", description = "Allocations of every owner, not only the operator's")
    boolean all;

    @Override
    public Object execute() throws Exception {
        List<AssetKind> kinds = registry.kinds();
        List<Allocation> active = registry.allocations();
        List<Allocation> shown = shown(active, all);
        ShellTable table = Format.table(Format.allocationHeaders(), all ? "No active allocation."
                : "No active allocation of the operator (" + Allocation.LOCAL_OPERATOR + ").");
        for (Allocation allocation : shown) {
            table.addRow().addContent(Format.allocationRow(allocation, Lookup.unit(kinds, allocation.kind()))
                    .toArray());
        }
        table.print(System.out);
        String hidden = hiddenNote(active.size() - shown.size());
        if (!hidden.isEmpty()) {
            System.out.println(hidden);
        }
        return null;
    }

    /** @return the allocations to list: all of them, or only the operator's */
    static List<Allocation> shown(List<Allocation> active, boolean all) {
        return all ? active
                : active.stream().filter(allocation -> Allocation.LOCAL_OPERATOR.equals(allocation.owner())).toList();
    }

    /** @return a line saying how many allocations of other owners were left out, or empty for none */
    static String hiddenNote(int hidden) {
        return hidden == 0 ? "" : hidden + (hidden == 1 ? " allocation" : " allocations")
                + " of other owners not shown; asset:allocations --all lists every owner's";
    }
}
