package network.internet2.hypermesh.assets.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;

/** {@code asset:list}: the kinds the node offers, with capacity, what is allocated and the adapters' health. */
@Service
@Command(scope = "asset", name = "list",
        description = "Lists the asset kinds this node offers: unit, total capacity, allocated, available (bytes "
                + "in KiB/MiB/GiB) and the health of the adapter providing each kind.")
public class ListCommand implements Action {

    @Reference
    AssetRegistry registry;

    /** The adapter services, for their health; the registry does not report it. */
    @Reference
    List<AssetAdapter> adapters;

    @Override
    public Object execute() throws Exception {
        ShellTable table = Format.table(Format.kindHeaders(), "No asset kind is offered: install an asset feature "
                + "(asset-memory, asset-cpu, asset-storage, asset-gpu, asset-vm).");
        for (AssetKind kind : registry.kinds()) {
            table.addRow().addContent(Format.kindRow(kind, health(adapters, kind.kind())).toArray());
        }
        table.print(System.out);
        return null;
    }

    /** @return the health of the adapter of that kind, or {@code null} if there is none or it fails to say */
    static AssetAdapter.Health health(List<AssetAdapter> adapters, String kind) {
        if (adapters == null) {
            return null;
        }
        for (AssetAdapter adapter : adapters) {
            try {
                if (kind.equals(adapter.kind())) {
                    return adapter.health();
                }
            } catch (RuntimeException e) {
                return new AssetAdapter.Health(false, "the adapter failed to report its health: " + e);
            }
        }
        return null;
    }
}
