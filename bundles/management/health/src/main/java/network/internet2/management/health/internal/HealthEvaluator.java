package network.internet2.management.health.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link FrameworkSnapshot} into the {@code /health} answer. Pure:
 * no framework access, so the rules are unit-tested directly.
 *
 * <p>A layer is {@code absent} when none of its implementation bundles is
 * installed; {@code ok} when all of them run and all its required services are
 * registered; {@code degraded} otherwise. The node is {@code ok} unless a layer
 * is degraded.
 */
final class HealthEvaluator {

    static final String OK = "ok";
    static final String DEGRADED = "degraded";
    static final String ABSENT = "absent";

    private HealthEvaluator() {
    }

    static Map<String, Object> evaluate(FrameworkSnapshot snapshot) {
        Map<String, Object> layers = new LinkedHashMap<>();
        boolean degraded = false;
        for (Layer layer : Layer.values()) {
            Map<String, Object> report = evaluate(layer, snapshot);
            degraded |= DEGRADED.equals(report.get("status"));
            layers.put(layer.id(), report);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", degraded ? DEGRADED : OK);
        answer.put("layers", layers);
        return answer;
    }

    private static Map<String, Object> evaluate(Layer layer, FrameworkSnapshot snapshot) {
        Map<String, String> bundles = new LinkedHashMap<>();
        List<String> notRunning = new ArrayList<>();
        for (FrameworkSnapshot.BundleState bundle : snapshot.bundles()) {
            if (layer.ownsImplementation(bundle.symbolicName())) {
                bundles.put(bundle.symbolicName(), bundle.state());
                if (!bundle.running()) {
                    notRunning.add(bundle.symbolicName());
                }
            }
        }
        Map<String, Boolean> services = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String service : layer.requiredServices()) {
            boolean present = snapshot.services().contains(service);
            services.put(service, present);
            if (!present) {
                missing.add(service);
            }
        }
        String status;
        if (bundles.isEmpty()) {
            status = ABSENT;
        } else if (notRunning.isEmpty() && missing.isEmpty()) {
            status = OK;
        } else {
            status = DEGRADED;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", status);
        report.put("bundles", bundles);
        report.put("services", services);
        if (DEGRADED.equals(status)) {
            List<String> problems = new ArrayList<>();
            notRunning.forEach(name -> problems.add("bundle " + name + " is " + bundles.get(name)));
            missing.forEach(name -> problems.add("service " + name + " is not registered"));
            report.put("problems", problems);
        }
        return report;
    }
}
