package network.internet2.hypermesh.proof.cli.internal;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import network.internet2.hypermesh.proof.ConsensusStatus;

public class StatusCommandTest {

    private static final ConsensusStatus.Timing TIMING = new ConsensusStatus.Timing(3, 1.234, 5.6, 7.0);

    private static List<List<String>> rows(ConsensusStatus status) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StatusCommand.quarantine(status).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\\R"))
                .map(line -> Arrays.stream(line.split("[|\u2502]", -1)).map(String::strip).toList()).toList();
    }

    @Test
    public void showsThePolicyTheCountsWithRefusalsMostFrequentFirstAndTheLatency() {
        ConsensusStatus status = new ConsensusStatus(List.of("work", "time", "space", "stake"),
                List.of("work", "time", "space", "stake"), List.of(), 12, 10,
                Map.of("stale", 1L, "replay", 3L, "bad-signature", 1L), Map.of("consensus", TIMING),
                Map.of("consensus", TIMING));
        assertEquals(List.of(
                "Policy: work, time, space, stake — every required engine is installed",
                "Consensus proofs made: 12, validated: 10, refused: 5 (replay 3, bad-signature 1, stale 1)",
                "Whole consensus proof: prove p50 1.23 ms, p99 5.60 ms (3); validate p50 1.23 ms, p99 5.60 ms (3)"),
                StatusCommand.summary(status));
    }

    @Test
    public void namesTheRequiredEnginesThatAreMissing() {
        ConsensusStatus status = new ConsensusStatus(List.of("work", "stake"), List.of("work"), List.of(), 0, 0,
                Map.of(), Map.of(), Map.of());
        assertEquals(List.of(
                "Policy: work, stake — MISSING: stake (operations that need them fail)",
                "Consensus proofs made: 0, validated: 0, refused: 0",
                "Whole consensus proof: prove -; validate -"), StatusCommand.summary(status));
    }

    @Test
    public void listsQuarantinedNodesUntilASecondInUtc() {
        ConsensusStatus status = new ConsensusStatus(List.of("work"), List.of("work"), List.of(
                new ConsensusStatus.Quarantine("node2.internet2.network", Instant.parse("2026-11-24T10:15:00.123456Z"),
                        "5 invalid signed proofs in a row")), 0, 0, Map.of(), Map.of(), Map.of());
        List<List<String>> rows = rows(status);
        assertEquals(List.of("Quarantined node", "Until", "Reason"), rows.get(0));
        assertEquals(List.of("node2.internet2.network", "2026-11-24T10:15:00Z", "5 invalid signed proofs in a row"),
                rows.get(2));
        assertEquals(List.of(List.of("No node is quarantined.")), rows(new ConsensusStatus(List.of(), List.of(),
                List.of(), 0, 0, Map.of(), Map.of(), Map.of())).subList(2, 3));
    }
}
