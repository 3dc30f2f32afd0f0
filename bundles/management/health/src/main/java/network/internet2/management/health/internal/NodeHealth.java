package network.internet2.management.health.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The node's health as a map, computed from the live framework on every call: overall status, per layer its
 * bundles, services, problems and figures, the alerts, and facts about the node. Registered as a
 * {@code Supplier<Map<String, Object>>} with {@code internet2.health=node}: {@code GET /health}, the
 * {@code internet2:status} command and the Web Console's Stack page all show this one answer.
 */
@Component(service = Supplier.class, property = NodeHealth.HEALTH + "=node")
public class NodeHealth implements Supplier<Map<String, Object>> {

    static final String HEALTH = "internet2.health";
    static final String FIGURES = "internet2.figures";
    static final String ALERTS = "internet2.alerts";

    private final BundleContext context;
    private final ServiceComponentRuntime components;

    private final Map<Supplier<Map<String, Object>>, String> figures = new ConcurrentHashMap<>();
    private final Map<Supplier<List<Map<String, Object>>>, String> alerts = new ConcurrentHashMap<>();

    @Activate
    public NodeHealth(BundleContext context, @Reference ServiceComponentRuntime components) {
        this.context = context;
        this.components = components;
    }

    @Override
    public Map<String, Object> get() {
        Map<String, Object> answer = new LinkedHashMap<>(HealthEvaluator.evaluate(snapshot()));
        includeFigures(answer);
        answer.put("alerts", alerts());
        answer.put("node", nodeFacts());
        return answer;
    }

    /** Whether the answer says the node is ok (no layer degraded). */
    static boolean isOk(Map<String, Object> answer) {
        return HealthEvaluator.OK.equals(answer.get("status"));
    }

    /**
     * Alerts come from {@code Supplier<List<Map<String, Object>>>} services with {@code internet2.alerts=<source>}
     * (the monitoring bundle's thresholds); each map names the alert and says whether it fires. They are listed,
     * and do not change the node's status: a slow node still serves.
     */
    @Reference(service = Supplier.class, target = "(" + ALERTS + "=*)", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addAlerts(Supplier<List<Map<String, Object>>> source, Map<String, Object> properties) {
        this.alerts.put(source, String.valueOf(properties.get(ALERTS)));
    }

    void removeAlerts(Supplier<List<Map<String, Object>>> source) {
        this.alerts.remove(source);
    }

    private List<Map<String, Object>> alerts() {
        List<Map<String, Object>> all = new ArrayList<>();
        alerts.forEach((source, name) -> {
            try {
                all.addAll(source.get());
            } catch (RuntimeException e) {
                all.add(Map.of("name", name, "firing", false, "message", "could not be evaluated: " + e.getMessage()));
            }
        });
        return all;
    }

    /**
     * Layers publish their figures as a {@code Supplier<Map<String, Object>>}
     * with {@code internet2.figures=<layer>.<part>} (for example {@code trustchain.dns});
     * they appear under {@code layers.<layer>.figures.<part>}.
     */
    @Reference(service = Supplier.class, target = "(" + FIGURES + "=*)", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addFigures(Supplier<Map<String, Object>> figures, Map<String, Object> properties) {
        this.figures.put(figures, String.valueOf(properties.get(FIGURES)));
    }

    void removeFigures(Supplier<Map<String, Object>> figures) {
        this.figures.remove(figures);
    }

    @SuppressWarnings("unchecked")
    private void includeFigures(Map<String, Object> answer) {
        Map<String, Object> layers = (Map<String, Object>) answer.get("layers");
        figures.forEach((supplier, name) -> {
            int dot = name.indexOf('.');
            String layer = dot < 0 ? name : name.substring(0, dot);
            String part = dot < 0 ? name : name.substring(dot + 1);
            Object report = layers.get(layer);
            if (!(report instanceof Map)) {
                return;
            }
            Object value;
            try {
                value = supplier.get();
            } catch (RuntimeException e) {
                value = Map.of("error", String.valueOf(e.getMessage()));
            }
            ((Map<String, Object>) ((Map<String, Object>) report).computeIfAbsent("figures",
                    key -> new TreeMap<String, Object>())).put(part, value);
        });
    }

    private FrameworkSnapshot snapshot() {
        List<FrameworkSnapshot.BundleState> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name != null) {
                boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
                bundles.add(new FrameworkSnapshot.BundleState(name, stateName(bundle.getState()), fragment));
            }
        }
        Set<String> services = new HashSet<>();
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, null);
            if (references != null) {
                for (ServiceReference<?> reference : references) {
                    for (String objectClass : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
                        services.add(objectClass);
                    }
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        return new FrameworkSnapshot(bundles, services, componentStates());
    }

    /**
     * Component property of components that run once per factory configuration and may have none
     * ({@code internet2.instances=optional}): without configurations they are not waiting, they are unused.
     */
    static final String INSTANCES = "internet2.instances";
    static final String OPTIONAL_INSTANCES = "optional";

    private List<FrameworkSnapshot.ComponentState> componentStates() {
        List<FrameworkSnapshot.ComponentState> states = new ArrayList<>();
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs()) {
            if (!components.isComponentEnabled(description)) {
                continue;
            }
            String bundle = description.bundle.symbolicName;
            Collection<ComponentConfigurationDTO> configurations = components.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty() && OPTIONAL_INSTANCES.equals(description.properties.get(INSTANCES))) {
                continue; // one instance per factory configuration, and none is as good as any number
            }
            if (configurations.isEmpty()) {
                states.add(new FrameworkSnapshot.ComponentState(bundle, description.name, false,
                        "waiting for its configuration (" + description.configurationPid[0] + ")"));
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                states.add(new FrameworkSnapshot.ComponentState(bundle, description.name,
                        configuration.state == ComponentConfigurationDTO.ACTIVE
                                || configuration.state == ComponentConfigurationDTO.SATISFIED,
                        describe(configuration)));
            }
        }
        return states;
    }

    private static String describe(ComponentConfigurationDTO configuration) {
        return switch (configuration.state) {
            case ComponentConfigurationDTO.ACTIVE -> "active";
            case ComponentConfigurationDTO.SATISFIED -> "satisfied";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "waiting for its configuration";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "missing "
                    + Arrays.stream(configuration.unsatisfiedReferences).map(reference -> reference.target == null
                            ? reference.name : reference.name + " " + reference.target).toList();
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed to activate: " + configuration.failure;
            default -> "in state " + configuration.state;
        };
    }

    private Map<String, Object> nodeFacts() {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", context.getProperty("karaf.name"));
        node.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        node.put("version", context.getBundle().getVersion().toString());
        return node;
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
