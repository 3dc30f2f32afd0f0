package network.internet2.management.health.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code GET /health}: the node's overall status and, per layer, its bundles
 * and services. Answers 200 when the node is ok and 503 when a layer is degraded.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/health")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;
    private final transient ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Activate
    public HealthServlet(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>(HealthEvaluator.evaluate(snapshot()));
        answer.put("node", nodeFacts());
        response.setStatus(HealthEvaluator.OK.equals(answer.get("status"))
                ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), answer);
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
        return new FrameworkSnapshot(bundles, services);
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
