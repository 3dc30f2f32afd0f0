package network.internet2.hypermesh.consensus.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.hypermesh.proof.ConsensusStatus;
import network.internet2.hypermesh.proof.Operation;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.trustchain.ca.NodeCertificate;

/**
 * The consensus meters, fed by a real consensus core (real node certificate, two cheap test engines standing
 * for any installed proof types) and read back from a {@link SimpleMeterRegistry}.
 */
public class ConsensusMetricsTest {

    private static final Operation ALLOCATE = new Operation("asset.allocate", "memory",
            "kind=memory\namount=4096\n".getBytes(StandardCharsets.UTF_8));

    private final Map<String, ProofEngine> engines = new ConcurrentHashMap<>();
    private final DigestEngine alpha = new DigestEngine("alpha");
    private final DigestEngine beta = new DigestEngine("beta");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ConsensusCore core;
    private ConsensusMetrics metrics;

    @Before
    public void setUp() throws Exception {
        TestNode pki = new TestNode();
        engines.put("alpha", alpha);
        engines.put("beta", beta);
        ConsensusPolicy policy = new ConsensusPolicy(List.of("alpha", "beta"), Duration.ofSeconds(5),
                Duration.ofMinutes(5), Duration.ofSeconds(30), 3, Duration.ofMinutes(10), 1000);
        NodeCertificate node = pki.node("node1.internet2.network");
        core = new ConsensusCore(policy, engines::get, () -> List.copyOf(engines.keySet()), () -> node, pki.check(),
                Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));
        metrics = new ConsensusMetrics(registry, core);
    }

    @Test
    public void provingIsTimedPerProofTypeAndForTheWholeProof() throws Exception {
        core.prove(ALLOCATE);
        core.prove(ALLOCATE);
        assertEquals(2, proving("alpha").count());
        assertEquals(2, proving("beta").count());
        assertEquals(2, proving("all").count());
        assertEquals("the timers hold the core's own measurements", core.status().proveTimings().get("consensus")
                .count(), proving("all").count());
    }

    @Test
    public void validationsAreTimedByProofTypeAndOutcome() throws Exception {
        ConsensusProof proof = core.prove(ALLOCATE);
        assertEquals(Verdict.ok(), core.validate(ALLOCATE, proof));
        assertEquals(1, validation("all", "accepted").count());
        assertEquals(1, validation("alpha", "accepted").count());
        assertEquals(1, validation("beta", "accepted").count());

        assertFalse("a replay is refused", core.validate(ALLOCATE, proof).valid());
        assertEquals(1, validation("all", "refused").count());
        assertEquals("its parts held, only the whole was refused", 2, validation("beta", "accepted").count());
        assertEquals(0, validation("beta", "refused").count());

        beta.refuseAll.set(true);
        assertFalse(core.validate(ALLOCATE, core.prove(ALLOCATE)).valid());
        assertEquals(2, validation("all", "refused").count());
        assertEquals(3, validation("alpha", "accepted").count());
        assertEquals(1, validation("beta", "refused").count());
        assertEquals(1, validation("all", "accepted").count());
    }

    @Test
    public void validationDurationsFallIntoTheServiceLevelBuckets() throws Exception {
        beta.verifyDelayMillis.set(120);
        assertEquals(Verdict.ok(), core.validate(ALLOCATE, core.prove(ALLOCATE)));
        Timer whole = validation("all", "accepted");
        CountAtBucket[] buckets = whole.takeSnapshot().histogramCounts();
        assertEquals(Arrays.stream(ConsensusMetrics.BUCKETS).map(Duration::toNanos).toList(),
                Arrays.stream(buckets).map(bucket -> (long) bucket.bucket()).toList());
        double under100ms = Arrays.stream(buckets).filter(b -> b.bucket(TimeUnit.MILLISECONDS) == 100).findFirst()
                .orElseThrow().count();
        assertEquals("a validation that waited 120 ms on its beta engine is over 100 ms", 0, under100ms, 0);
        assertTrue("the window max shows it: " + whole.max(TimeUnit.MILLISECONDS),
                whole.max(TimeUnit.MILLISECONDS) >= 120);
        assertEquals(1, whole.count());
    }

    @Test
    public void refusalsAreCountedByTheReasonsTheStatusCounts() throws Exception {
        Set<String> reasons = registry.find(ConsensusMetrics.REFUSALS).functionCounters().stream()
                .map(counter -> counter.getId().getTag("reason")).collect(Collectors.toSet());
        assertEquals(Arrays.stream(Refusal.values()).map(Refusal::key).collect(Collectors.toSet()), reasons);

        ConsensusProof proof = core.prove(ALLOCATE);
        core.validate(ALLOCATE, proof);
        core.validate(ALLOCATE, proof);
        core.validate(new Operation("asset.release", "memory", new byte[0]), core.prove(ALLOCATE));
        beta.refuseAll.set(true);
        core.validate(ALLOCATE, core.prove(ALLOCATE));

        ConsensusStatus status = core.status();
        assertEquals(Map.of("replayed", 1L, "another-operation", 1L, "proof-refused", 1L), status.refusals());
        for (Refusal refusal : Refusal.values()) {
            assertEquals(refusal.key(), status.refusals().getOrDefault(refusal.key(), 0L), refusals(refusal.key()),
                    0);
        }
    }

    @Test
    public void theQuarantineGaugeCountsNodesInQuarantine() throws Exception {
        Gauge quarantined = registry.get(ConsensusMetrics.QUARANTINED).gauge();
        assertEquals(0, quarantined.value(), 0);
        beta.refuseAll.set(true);
        for (int i = 0; i < 3; i++) {
            core.validate(ALLOCATE, core.prove(ALLOCATE));
        }
        assertEquals(1, quarantined.value(), 0);
        beta.refuseAll.set(false);
        assertFalse(core.validate(ALLOCATE, core.prove(ALLOCATE)).valid());
        assertEquals(1, refusals("quarantined"), 0);
        assertEquals(3, refusals("proof-refused"), 0);
    }

    @Test
    public void deactivatingRemovesEveryMeterAndStopsRecording() throws Exception {
        core.prove(ALLOCATE);
        assertFalse(registry.getMeters().isEmpty());
        metrics.deactivate();
        assertTrue(registry.getMeters().toString(), registry.getMeters().isEmpty());
        core.validate(ALLOCATE, core.prove(ALLOCATE));
        assertTrue("nothing comes back after deactivation", registry.getMeters().isEmpty());
        assertEquals("the core keeps its own figures", 2, core.status().proved());
    }

    @Test
    public void theComponentReadsTheConsensusServiceWithItsRequiredTypesRegistered() {
        ConsensusComponent component = new ConsensusComponent(defaults());
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        ConsensusMetrics componentMetrics = new ConsensusMetrics(own, component);
        for (String type : List.of("all", "work", "time", "space", "stake")) {
            assertNotNull(type, own.find(ConsensusMetrics.PROVING).tag("proof_type", type).timer());
            assertNotNull(type, own.find(ConsensusMetrics.VALIDATION).tag("proof_type", type)
                    .tag("outcome", "refused").timer());
        }
        assertNull(own.find(ConsensusMetrics.PROVING).tag("proof_type", "consensus").timer());
        componentMetrics.deactivate();
        assertTrue(own.getMeters().isEmpty());
    }

    @Test
    public void anotherConsensusServiceIsRefusedByName() {
        ConsensusService foreign = (ConsensusService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConsensusService.class}, (proxy, method, args) -> null);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ConsensusMetrics(new SimpleMeterRegistry(), foreign));
        assertTrue(refused.getMessage(), refused.getMessage().contains("install hypermesh-consensus"));
    }

    @Test
    public void noProofTypeMayBeCalledAll() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new ConsensusPolicy(
                List.of("work", "all"), Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(30), 3,
                Duration.ofMinutes(10), 1000));
        assertTrue(refused.getMessage(), refused.getMessage().contains("'all' cannot name a proof type"));
    }

    private Timer proving(String type) {
        return registry.get(ConsensusMetrics.PROVING).tag("proof_type", type).timer();
    }

    private Timer validation(String type, String outcome) {
        return registry.get(ConsensusMetrics.VALIDATION).tag("proof_type", type).tag("outcome", outcome).timer();
    }

    private double refusals(String reason) {
        FunctionCounter counter = registry.get(ConsensusMetrics.REFUSALS).tag("reason", reason).functionCounter();
        return counter.count();
    }

    private static ConsensusComponent.Config defaults() {
        return (ConsensusComponent.Config) Proxy.newProxyInstance(ConsensusComponent.Config.class.getClassLoader(),
                new Class<?>[] {ConsensusComponent.Config.class}, (proxy, method, args) -> method.getDefaultValue());
    }
}
