package network.internet2.hypermesh.assets.cli.internal;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.support.CommandException;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;

/** Looks up what a command names, failing it with a message that says what exists. */
final class Lookup {

    private Lookup() {
    }

    /**
     * @param action what the command does with it, for the message ({@code release})
     * @param kind   the kind it must be, or {@code null} for any
     * @return the allocation, if it is active and of that kind
     * @throws CommandException if it is unknown, ended, or of another kind
     */
    static Allocation active(AssetRegistry registry, String id, String action, String kind) throws CommandException {
        Allocation allocation = registry.find(id).orElseThrow(() -> new CommandException("no allocation " + id
                + "; asset:allocations --all lists the active ones"));
        if (allocation.state() != Allocation.State.ACTIVE) {
            throw new CommandException("cannot " + action + " allocation " + id + ": it already ended ("
                    + Format.state(allocation.state()) + ": " + allocation.endReason() + ")");
        }
        if (kind != null && !kind.equals(allocation.kind())) {
            throw new CommandException("cannot " + action + " allocation " + id + ": it is a " + allocation.kind()
                    + " allocation, not a " + kind + " one");
        }
        return allocation;
    }

    /** @return the kind, if offered now */
    static Optional<AssetKind> kind(List<AssetKind> kinds, String kind) {
        return kinds.stream().filter(offered -> offered.kind().equals(kind)).findFirst();
    }

    /** @return the unit of the kind, or {@code null} if it is not offered now */
    static String unit(List<AssetKind> kinds, String kind) {
        return kind(kinds, kind).map(offered -> offered.capacity().unit()).orElse(null);
    }

    /** @return the offered kinds' names, comma-separated, or {@code none} */
    static String kindNames(List<AssetKind> kinds) {
        return kinds.isEmpty() ? "none (install an asset feature, such as asset-memory)"
                : String.join(", ", kinds.stream().map(AssetKind::kind).toList());
    }
}
