package network.internet2.management.health.internal;

import java.io.IOException;
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

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code GET /health}: the node's overall status and, per layer, its bundles
 * and services. Answers 200 when the node is ok and 503 when a layer is degraded.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("internet2-health")
@HttpWhiteboardServletPattern("/health")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;
    private final transient ServiceComponentRuntime components;
    static final String FIGURES = "internet2.figures";

    private final transient Map<Supplier<Map<String, Object>>, String> figures = new ConcurrentHashMap<>();
    private final transient ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Activate
    public HealthServlet(BundleContext context, @Reference ServiceComponentRuntime components) {
        this.context = context;
        this.components = components;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>(HealthEvaluator.evaluate(snapshot()));
        includeFigures(answer);
        answer.put("node", nodeFacts());
        response.setStatus(HealthEvaluator.OK.equals(answer.get("status"))
                ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), answer);
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
