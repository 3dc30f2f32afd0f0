package network.internet2.management.shell.internal;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** {@code internet2:status}: the node, its layers, their figures and the alerts, as {@code GET /health} sees them. */
@Service
@Command(scope = "internet2", name = "status",
        description = "Shows the node at a glance, as GET /health sees it: name, version, status, uptime, resident "
                + "memory and heap; each layer's status (ok, degraded or absent) with its bundles, core services "
                + "and problems; the figures the layers publish; and the alerts (FIRING or ok). With --json, prints "
                + "the health answer as JSON instead.")
public class StatusCommand implements Action {

    /** The health bundle's service: a {@code Supplier<Map<String, Object>>} of the {@code /health} answer. */
    static final String HEALTH_FILTER = "(internet2.health=node)";

    /**
     * To find the health service by its property. Not {@code @Reference(filter = …)}: Karaf 4.4.10's shell applies
     * that filter only to service events after the command bundle started, not to its first lookup, and so hands
     * over whichever {@code Supplier} is registered first (a layer's figures).
     */
    @Reference
    BundleContext context;

    @Option(name = "--json", description = "Print the health answer, the same map as GET /health, as JSON instead "
            + "of tables")
    boolean json;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object execute() throws Exception {
        Collection<ServiceReference<Supplier>> found = context.getServiceReferences(Supplier.class, HEALTH_FILTER);
        if (found.isEmpty()) {
            return show(null);
        }
        ServiceReference<Supplier> reference = found.iterator().next();
        Supplier<Map<String, Object>> health = context.getService(reference);
        try {
            return show(health);
        } finally {
            if (health != null) {
                context.ungetService(reference);
            }
        }
    }

    /**
     * Prints the health answer as tables, or as JSON with {@code --json}.
     *
     * @param health the health service, or {@code null} if it is not registered
     * @throws CommandException if there is no health service or it fails
     */
    Object show(Supplier<Map<String, Object>> health) throws CommandException {
        if (health == null) {
            throw new CommandException("the node's health is not available: the management-health bundle "
                    + "(feature internet2-management) is not active; bundle:list shows its state");
        }
        Map<String, Object> answer;
        try {
            answer = health.get();
        } catch (RuntimeException e) {
            throw new CommandException("the health service failed to evaluate the node: " + e, e);
        }
        if (json) {
            System.out.println(json(answer));
        } else {
            print(new HealthAnswer(answer), NodeMemory.now(), System.out);
        }
        return null;
    }

    /** Prints the node, layer, figure and alert tables, a blank line between them. */
    static void print(HealthAnswer health, NodeMemory memory, PrintStream out) {
        NodeTable.of(health, memory).print(out);
        out.println();
        LayerTable.of(health).print(out);
        out.println();
        FigureTable.of(health).print(out);
        out.println();
        AlertTable.of(health).print(out);
    }

    /** @return the answer as indented JSON */
    static String json(Map<String, Object> answer) throws CommandException {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new CommandException("the health answer cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
