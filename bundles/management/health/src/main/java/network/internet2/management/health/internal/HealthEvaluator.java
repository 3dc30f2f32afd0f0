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
 * installed; {@code ok} when all of them run and every DS component they
 * declare is active or satisfied; {@code degraded} otherwise, with the
 * problems listed. Which of the layer's core services are registered is
 * reported beside the status, so a partly installed layer (say, crypto suites
 * without the CA) shows what it lacks without being called broken. The node
 * is {@code ok} unless a layer is degraded.
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
        for (String service : layer.coreServices()) {
            services.put(service, snapshot.services().contains(service));
        }
        List<String> notWorking = new ArrayList<>();
        for (FrameworkSnapshot.ComponentState component : snapshot.components()) {
            if (bundles.containsKey(component.bundle()) && !component.working()) {
                notWorking.add("component " + component.name() + " is " + component.detail());
            }
        }
        String status;
        if (bundles.isEmpty()) {
            status = ABSENT;
        } else if (notRunning.isEmpty() && notWorking.isEmpty()) {
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
            problems.addAll(notWorking);
            report.put("problems", problems);
        }
        return report;
    }
}
