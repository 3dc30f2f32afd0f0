package network.internet2.management.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The node's alerts on the seed's thresholds (PID {@value #PID}), as a {@code Supplier} of alert maps with
 * {@code internet2.alerts=performance} that {@code /health} lists. Every few seconds the alerts are evaluated in
 * the background as well: a change is logged (WARN when an alert starts firing, INFO when it stops) and the
 * gauge {@code internet2.alert.firing{alert=…}} (1 or 0) lets Prometheus alert on the same rules.
 */
@Component(service = Supplier.class, configurationPid = PerformanceAlerts.PID, property = "internet2.alerts=performance")
@Designate(ocd = PerformanceAlerts.Config.class)
public class PerformanceAlerts implements Supplier<List<Map<String, Object>>> {

    static final String PID = "network.internet2.management.alerts";
    private static final Logger LOG = LoggerFactory.getLogger(PerformanceAlerts.class);

    @ObjectClassDefinition(name = "Internet 2.0 alerts",
            description = "Thresholds of the node's alerts (the seed's targets by default), listed in /health")
    public @interface Config {
        @AttributeDefinition(name = "STOQ throughput target (Gbit/s)",
                description = "The transport's throughput target; the alert fires when the fastest recent bulk stream is under ratio × target")
        double stoq_target_throughput_gbps() default 40.0;

        @AttributeDefinition(name = "STOQ throughput alert ratio", description = "Fraction of the target under which the alert fires (0 < ratio ≤ 1)")
        double stoq_throughput_alert_ratio() default 0.8;

        @AttributeDefinition(name = "Consensus validation maximum (ms)", description = "The alert fires when a whole consensus proof took longer to validate")
        double consensus_validation_max_ms() default 100;

        @AttributeDefinition(name = "Certificate operation maximum (ms)", description = "The alert fires when a CA operation (issue, renew, revoke, validate) took longer")
        double certificate_operation_max_ms() default 35;

        @AttributeDefinition(name = "Evaluation interval (s)", description = "How often alerts are evaluated in the background (for the log and the gauge)")
        long evaluation_interval_seconds() default 5;
    }

    private final MeterRegistry registry;
    private final AlertThresholds thresholds;
    private final Map<String, Boolean> firing = new ConcurrentHashMap<>();
    private final List<Meter> gauges = new ArrayList<>();
    private final ScheduledExecutorService evaluator;

    @Activate
    public PerformanceAlerts(@Reference MeterRegistry registry, Config config) {
        this.registry = registry;
        this.thresholds = new AlertThresholds(config.stoq_target_throughput_gbps(), config.stoq_throughput_alert_ratio(),
                config.consensus_validation_max_ms(), config.certificate_operation_max_ms());
        long interval = config.evaluation_interval_seconds();
        if (interval < 1 || interval > 3600) {
            throw new IllegalArgumentException("evaluation.interval.seconds must be between 1 and 3600, was " + interval);
        }
        for (String name : List.of(AlertRules.STOQ_THROUGHPUT, AlertRules.CONSENSUS_VALIDATION, AlertRules.CERTIFICATE_OPERATIONS)) {
            firing.put(name, false);
            gauges.add(Gauge.builder("internet2.alert.firing", firing, states -> states.getOrDefault(name, false) ? 1 : 0)
                    .tag("alert", name).description("1 while the alert fires, else 0").register(registry));
        }
        evaluator = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "internet2-alerts");
            thread.setDaemon(true);
            return thread;
        });
        evaluator.scheduleWithFixedDelay(() -> {
            try {
                evaluateAndLog();
            } catch (RuntimeException e) {
                LOG.warn("Alerts could not be evaluated", e);
            }
        }, interval, interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        evaluator.shutdownNow();
        gauges.forEach(registry::remove);
    }

    @Override
    public List<Map<String, Object>> get() {
        return evaluateAndLog().stream().map(Alert::toMap).toList();
    }

    private synchronized List<Alert> evaluateAndLog() {
        List<Alert> alerts = AlertRules.evaluate(registry, thresholds);
        for (Alert alert : alerts) {
            Boolean before = firing.put(alert.name(), alert.firing());
            if (before != null && before != alert.firing()) {
                if (alert.firing()) {
                    LOG.warn("Alert {} fires: {}", alert.name(), alert.message());
                } else {
                    LOG.info("Alert {} no longer fires: {}", alert.name(), alert.message());
                }
            }
        }
        return alerts;
    }
}
