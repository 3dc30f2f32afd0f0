package network.internet2.hypermesh.consensus.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.hypermesh.proof.ConsensusStatus;

/**
 * Consensus figures for {@code /health} ({@code layers.hypermesh.figures.consensus}): the policy, the
 * installed engines, quarantined nodes, counts of proofs made, validated and refused by reason, and
 * prove/verify latencies (p50, p99, max in ms) per proof type and for the whole consensus proof.
 */
@Component(service = Supplier.class, property = "internet2.figures=hypermesh.consensus")
public class ConsensusFigures implements Supplier<Map<String, Object>> {

    private final ConsensusService consensus;

    @Activate
    public ConsensusFigures(@Reference ConsensusService consensus) {
        this.consensus = consensus;
    }

    @Override
    public Map<String, Object> get() {
        ConsensusStatus status = consensus.status();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requiredProofs", status.requiredTypes());
        figures.put("installedEngines", status.installedTypes());
        figures.put("proved", status.proved());
        figures.put("validated", status.validated());
        figures.put("refused", status.refusals());
        figures.put("quarantined", status.quarantined().stream().map(node -> Map.of("node", node.nodeIdentity(),
                "until", node.until().toString(), "reason", node.reason())).toList());
        figures.put("proveMillis", timings(status.proveTimings()));
        figures.put("verifyMillis", timings(status.verifyTimings()));
        return figures;
    }

    private static Map<String, Object> timings(Map<String, ConsensusStatus.Timing> timings) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        timings.forEach((type, timing) -> rendered.put(type, Map.of("count", timing.count(), "p50",
                timing.p50Millis(), "p99", timing.p99Millis(), "max", timing.maxMillis())));
        return rendered;
    }
}
