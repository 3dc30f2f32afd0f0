package network.internet2.management.monitoring.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

public class StatsTest {

    @Test
    @SuppressWarnings("unchecked")
    public void summarisesEachLayersMetersWithItsStatus() {
        MeterRegistry registry = new SimpleMeterRegistry();
        Counter.builder("stoq.bytes").tag("direction", "sent").register(registry).increment(4096);
        Timer.builder("trustchain.ca.operation.duration").tag("operation", "issue").tag("outcome", "success")
                .register(registry).record(Duration.ofMillis(8));
        Counter.builder("jvm.unrelated").register(registry).increment();
        Map<String, Object> health = Map.of("status", "ok", "layers", Map.of("stoq", Map.of("status", "ok"),
                "trustchain", Map.of("status", "ok"), "hypermesh", Map.of("status", "absent")),
                "alerts", List.of(Map.of("name", "stoq-throughput", "firing", false)));

        Map<String, Object> stats = StatsServlet.stats(registry, health);

        assertEquals("ok", stats.get("status"));
        Map<String, Object> layers = (Map<String, Object>) stats.get("layers");
        Map<String, Object> stoq = (Map<String, Object>) layers.get("stoq");
        assertEquals("ok", stoq.get("status"));
        assertEquals(Map.of("stoq.bytes{direction=sent}", 4096L), stoq.get("meters"));
        Map<String, Object> trustchain = (Map<String, Object>) ((Map<String, Object>) layers.get("trustchain")).get("meters");
        Map<String, Object> issue = (Map<String, Object>) trustchain.get("trustchain.ca.operation.duration{operation=issue,outcome=success}");
        assertEquals(1L, issue.get("count"));
        assertEquals(8L, issue.get("meanMs"));
        assertEquals("absent", ((Map<String, Object>) layers.get("hypermesh")).get("status"));
        assertTrue(((Map<String, Object>) ((Map<String, Object>) layers.get("hypermesh")).get("meters")).isEmpty());
        assertFalse(((List<?>) stats.get("alerts")).isEmpty());
    }

    @Test
    public void withoutHealthTheStatusIsUnknownNotOk() {
        Map<String, Object> stats = StatsServlet.stats(new SimpleMeterRegistry(), null);
        assertEquals("unknown", stats.get("status"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void jsonRenderingOfATimerHasCumulativeBucketsInMilliseconds() {
        MeterRegistry registry = new SimpleMeterRegistry();
        Timer timer = Timer.builder("stoq.handshake.duration").serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(20))
                .register(registry);
        timer.record(Duration.ofMillis(3));
        timer.record(Duration.ofMillis(10));
        timer.record(Duration.ofMillis(50));
        Map<String, Object> rendered = MeterSummary.render(timer);
        assertEquals("milliseconds", rendered.get("unit"));
        assertEquals(3L, rendered.get("count"));
        assertEquals(Map.of("5", 1L, "20", 2L, "+Inf", 3L), rendered.get("buckets"));
    }
}
