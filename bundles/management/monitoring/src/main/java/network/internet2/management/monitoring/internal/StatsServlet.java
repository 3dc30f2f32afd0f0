package network.internet2.management.monitoring.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

/**
 * {@code GET /stats}: a JSON summary of the stack — the node's memory, threads and uptime; per layer
 * ({@code stoq}, {@code trustchain}, {@code hypermesh}) its status from the node's health and every one of its
 * meters in one line each (counters and gauges as numbers, timers as count, mean and recent maximum in ms);
 * and the alerts.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("internet2-stats")
@HttpWhiteboardServletPattern("/stats")
public class StatsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final List<String> LAYERS = List.of("stoq", "trustchain", "hypermesh");

    private final transient MeterRegistry registry;
    private final transient ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private transient volatile Supplier<Map<String, Object>> health;

    @Activate
    public StatsServlet(@Reference MeterRegistry registry) {
        this.registry = registry;
    }

    @Reference(service = Supplier.class, target = "(internet2.health=node)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindHealth(Supplier<Map<String, Object>> health) {
        this.health = health;
    }

    void unbindHealth(Supplier<Map<String, Object>> health) {
        if (this.health == health) {
            this.health = null;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), stats(registry, health == null ? null : health.get()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stats(MeterRegistry registry, Map<String, Object> health) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", health == null ? "unknown" : health.get("status"));
        answer.put("node", node(registry));
        Map<String, Object> layers = new LinkedHashMap<>();
        Map<String, Object> healthLayers = health == null ? Map.of() : (Map<String, Object>) health.getOrDefault("layers", Map.of());
        for (String layer : LAYERS) {
            Map<String, Object> summary = new LinkedHashMap<>();
            Object report = healthLayers.get(layer);
            summary.put("status", report instanceof Map ? ((Map<String, Object>) report).get("status") : "unknown");
            summary.put("meters", meters(registry, layer + "."));
            layers.put(layer, summary);
        }
        answer.put("layers", layers);
        answer.put("alerts", health == null ? List.of() : health.getOrDefault("alerts", List.of()));
        return answer;
    }

    private static Map<String, Object> node(MeterRegistry registry) {
        Map<String, Object> node = new LinkedHashMap<>();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        node.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        Gauge resident = registry.find("process.memory.resident").gauge(); // bound by the registry bundle
        node.put("residentBytes", resident == null ? null : MeterSummary.number(resident.value()));
        node.put("heapUsedBytes", heap.getUsed());
        node.put("heapCommittedBytes", heap.getCommitted());
        node.put("heapMaxBytes", heap.getMax());
        node.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        node.put("processors", Runtime.getRuntime().availableProcessors());
        return node;
    }

    /** The layer's meters, one entry each, keyed by name and tags ({@code stoq.bytes{direction=sent}}). */
    static Map<String, Object> meters(MeterRegistry registry, String prefix) {
        Map<String, Object> meters = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String name = meter.getId().getName();
            if (!name.startsWith(prefix)) {
                continue;
            }
            StringBuilder key = new StringBuilder(name);
            if (!meter.getId().getTags().isEmpty()) {
                key.append('{');
                meter.getId().getTags().forEach(tag -> key.append(tag.getKey()).append('=').append(tag.getValue()).append(','));
                key.setCharAt(key.length() - 1, '}');
            }
            meters.put(key.toString(), value(meter));
        }
        return meters;
    }

    private static Object value(Meter meter) {
        if (meter instanceof Timer timer) {
            Map<String, Object> timing = new LinkedHashMap<>();
            timing.put("count", timer.count());
            timing.put("meanMs", MeterSummary.number(timer.count() == 0 ? 0 : timer.mean(TimeUnit.MILLISECONDS)));
            timing.put("recentMaxMs", MeterSummary.number(timer.max(TimeUnit.MILLISECONDS)));
            return timing;
        }
        if (meter instanceof DistributionSummary summary) {
            Map<String, Object> amounts = new LinkedHashMap<>();
            amounts.put("count", summary.count());
            amounts.put("mean", MeterSummary.number(summary.count() == 0 ? 0 : summary.mean()));
            amounts.put("recentMax", MeterSummary.number(summary.max()));
            return amounts;
        }
        if (meter instanceof TimeGauge gauge) {
            return MeterSummary.number(gauge.value(TimeUnit.SECONDS));
        }
        if (meter instanceof Gauge gauge) {
            return MeterSummary.number(gauge.value());
        }
        if (meter instanceof Counter counter) {
            return MeterSummary.number(counter.count());
        }
        if (meter instanceof FunctionCounter counter) {
            return MeterSummary.number(counter.count());
        }
        return MeterSummary.render(meter);
    }
}
