package network.internet2.hypermesh.proof.cli.internal;

import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.hypermesh.proof.ConsensusStatus;

/** {@code proof:list}: the proof types, required or installed, with their latencies. */
@Service
@Command(scope = "proof", name = "list", description = "Lists the proof types the policy requires or an engine "
        + "provides, and how long proving and verifying each takes.")
public class ListCommand implements Action {

    @Reference
    ConsensusService consensus;

    @Override
    public Object execute() {
        ConsensusStatus status = consensus.status();
        TreeSet<String> types = new TreeSet<>(status.requiredTypes());
        types.addAll(status.installedTypes());
        ShellTable table = new ShellTable().emptyTableText("No proof type is required or installed.");
        table.column("Type");
        table.column("Required");
        table.column("Engine");
        table.column("Prove");
        table.column("Verify");
        for (String type : types) {
            table.addRow().addContent(type, status.requiredTypes().contains(type) ? "yes" : "no",
                    status.installedTypes().contains(type) ? "installed" : "MISSING",
                    Timing.of(status.proveTimings().get(type)), Timing.of(status.verifyTimings().get(type)));
        }
        table.print(System.out);
        return null;
    }
}
