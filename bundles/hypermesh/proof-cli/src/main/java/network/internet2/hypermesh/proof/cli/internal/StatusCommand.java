package network.internet2.hypermesh.proof.cli.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.hypermesh.proof.ConsensusStatus;

/** {@code consensus:status}: the policy, the engines, quarantines and figures. */
@Service
@Command(scope = "consensus", name = "status", description = "Shows the consensus policy (required proof types and "
        + "whether their engines are installed), quarantined nodes with the reason, and counts and latencies.")
public class StatusCommand implements Action {

    @Reference
    ConsensusService consensus;

    @Override
    public Object execute() {
        ConsensusStatus status = consensus.status();
        boolean ready = status.installedTypes().containsAll(status.requiredTypes());
        System.out.println("Policy: " + String.join(", ", status.requiredTypes()) + " — "
                + (ready ? "every required engine is installed" : "MISSING: " + status.requiredTypes().stream()
                        .filter(type -> !status.installedTypes().contains(type)).toList()
                        + " (operations that need them fail)"));
        System.out.println("Consensus proofs made: " + status.proved() + ", validated: " + status.validated()
                + ", refused: " + status.refusals().values().stream().mapToLong(Long::longValue).sum()
                + (status.refusals().isEmpty() ? "" : " " + status.refusals()));
        System.out.println("Whole consensus proof: prove " + Timing.of(status.proveTimings().get("consensus"))
                + "; validate " + Timing.of(status.verifyTimings().get("consensus")));
        ShellTable quarantine = new ShellTable().emptyTableText("No node is quarantined.");
        quarantine.column("Quarantined node");
        quarantine.column("Until");
        quarantine.column("Reason");
        for (ConsensusStatus.Quarantine node : status.quarantined()) {
            quarantine.addRow().addContent(node.nodeIdentity(), node.until().toString(), node.reason());
        }
        quarantine.print(System.out);
        return null;
    }
}
