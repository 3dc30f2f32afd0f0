package network.internet2.hypermesh.proof.cli.internal;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
        + "whether their engines are installed), counts of proofs made, validated and refused (by reason), the "
        + "latency of whole consensus proofs, and the quarantined nodes with until when (UTC) and why.")
public class StatusCommand implements Action {

    @Reference
    ConsensusService consensus;

    @Override
    public Object execute() {
        ConsensusStatus status = consensus.status();
        summary(status).forEach(System.out::println);
        quarantine(status).print(System.out);
        return null;
    }

    /** @return the lines before the quarantine table: policy, counts, latencies */
    static List<String> summary(ConsensusStatus status) {
        List<String> missing = status.requiredTypes().stream()
                .filter(type -> !status.installedTypes().contains(type)).toList();
        long refused = status.refusals().values().stream().mapToLong(Long::longValue).sum();
        List<String> lines = new ArrayList<>();
        lines.add("Policy: " + String.join(", ", status.requiredTypes()) + " — "
                + (missing.isEmpty() ? "every required engine is installed"
                        : "MISSING: " + String.join(", ", missing) + " (operations that need them fail)"));
        lines.add("Consensus proofs made: " + status.proved() + ", validated: " + status.validated()
                + ", refused: " + refused + (refused == 0 ? "" : " (" + byCount(status.refusals()) + ")"));
        lines.add("Whole consensus proof: prove " + Timing.of(status.proveTimings().get("consensus"))
                + "; validate " + Timing.of(status.verifyTimings().get("consensus")));
        return lines;
    }

    /** @return {@code replay 3, stale 1}: the refusals by reason, most frequent first */
    static String byCount(Map<String, Long> refusals) {
        return String.join(", ", refusals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getKey() + " " + entry.getValue()).toList());
    }

    /** @return the quarantined nodes, until when (ISO 8601 UTC, to the second) and why */
    static ShellTable quarantine(ConsensusStatus status) {
        ShellTable table = new ShellTable().emptyTableText("No node is quarantined.");
        table.column("Quarantined node");
        table.column("Until");
        table.column("Reason");
        for (ConsensusStatus.Quarantine node : status.quarantined()) {
            table.addRow().addContent(node.nodeIdentity(),
                    DateTimeFormatter.ISO_INSTANT.format(node.until().truncatedTo(ChronoUnit.SECONDS)), node.reason());
        }
        return table;
    }
}
