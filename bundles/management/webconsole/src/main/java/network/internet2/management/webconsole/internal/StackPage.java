package network.internet2.management.webconsole.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import network.internet2.management.webconsole.internal.Html.Markup;

/**
 * {@code /system/console/internet2-stack}: the node's overall status, each layer (STOQ, TrustChain, HyperMesh)
 * with its status, services, problems and figures, and the alerts — the same answer as {@code GET /health}, read
 * from the health service ({@value #HEALTH_TARGET}). Without it, the layers' figures are still shown.
 */
@Component(service = Servlet.class, property = {ConsolePage.LABEL + "=" + StackPage.PAGE,
    ConsolePage.TITLE + "=Stack", ConsolePage.CATEGORY + "=" + ConsolePage.INTERNET2})
public class StackPage extends ConsolePage {

    private static final long serialVersionUID = 1L;

    static final String PAGE = "internet2-stack";
    static final String HEALTH_TARGET = "(internet2.health=node)";

    /**
     * A layer as {@code /health} names it ({@code id}), as people know it, and its own page.
     */
    record Layer(String id, String title, String page) {
    }

    /** The layers, in the order of the stack. */
    static final List<Layer> LAYERS = List.of(new Layer("stoq", "STOQ", StoqPage.PAGE),
            new Layer("trustchain", "TrustChain", TrustChainPage.PAGE),
            new Layer("hypermesh", "HyperMesh", HyperMeshPage.PAGE));

    private final transient OptionalService<Supplier<Map<String, Object>>> health = new OptionalService<>();
    private final transient Figures figures = new Figures();

    @Reference(service = Supplier.class, target = HEALTH_TARGET, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setHealth(Supplier<Map<String, Object>> service) {
        health.set(service);
    }

    void unsetHealth(Supplier<Map<String, Object>> service) {
        health.unset(service);
    }

    @Reference(service = Supplier.class, target = Figures.TARGET, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addFigures(Supplier<Map<String, Object>> source, Map<String, Object> properties) {
        figures.add(source, properties);
    }

    void removeFigures(Supplier<Map<String, Object>> source) {
        figures.remove(source);
    }

    @Override
    void content(HtmlFragment page) {
        Supplier<Map<String, Object>> source = health.get();
        Map<String, Object> answer = null;
        if (source == null) {
            page.section("Node");
            page.notInstalled("The node's health service", "feature internet2-management");
        } else {
            try {
                answer = source.get();
            } catch (RuntimeException e) {
                page.section("Node").problems(List.of("could not read the node's health: " + e));
            }
        }
        if (answer != null) {
            node(page, answer);
        }
        layers(page, answer);
        if (answer != null) {
            alerts(page, answer.get("alerts"));
        }
    }

    private static void node(HtmlFragment page, Map<String, Object> answer) {
        page.section("Node", Html.badge(String.valueOf(answer.get("status"))));
        Map<String, Object> facts = new LinkedHashMap<>();
        if (answer.get("node") instanceof Map<?, ?> node) {
            facts.put("name", node.get("name"));
            if (node.get("uptimeSeconds") instanceof Number uptime) {
                facts.put("uptime", Formats.duration(Duration.ofSeconds(uptime.longValue())));
            }
            facts.put("version", node.get("version"));
        }
        page.facts(facts);
    }

    private void layers(HtmlFragment page, Map<String, Object> answer) {
        page.section("Layers");
        Map<?, ?> reports = answer != null && answer.get("layers") instanceof Map<?, ?> map ? map : Map.of();
        page.grid(grid -> {
            for (Layer layer : LAYERS) {
                Map<?, ?> report = reports.get(layer.id()) instanceof Map<?, ?> map ? map : null;
                String status = report == null ? "unknown" : String.valueOf(report.get("status"));
                Markup title = new Markup("<a href=\"" + Html.escape(layer.page()) + "\">" + Html.escape(layer.title())
                        + "</a> " + Html.badge(status).html());
                grid.card(title, card -> layer(card, layer.id(), report));
            }
        });
    }

    private void layer(HtmlFragment card, String layer, Map<?, ?> report) {
        Map<String, Object> parts = new LinkedHashMap<>();
        if (report != null) {
            if (report.get("problems") instanceof List<?> problems && !problems.isEmpty()) {
                card.problems(problems);
            }
            if (report.get("services") instanceof Map<?, ?> services && !services.isEmpty()) {
                Map<String, Object> present = new LinkedHashMap<>();
                boolean absent = "absent".equals(report.get("status"));
                services.forEach((name, there) -> present.put(simpleName(String.valueOf(name)),
                        Html.badge(Boolean.TRUE.equals(there) ? "installed" : absent ? "not installed" : "missing")));
                card.facts(present);
            }
            if (report.get("bundles") instanceof Map<?, ?> bundles) {
                card.note(bundleSummary(bundles));
            }
            if (report.get("figures") instanceof Map<?, ?> reported) {
                reported.forEach((part, figures) -> parts.put(String.valueOf(part), figures));
            }
        }
        if (parts.isEmpty()) {
            parts.putAll(figures.of(layer));
        }
        parts.forEach((part, values) -> {
            card.heading(part);
            if (values instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) map;
                card.facts(Figures.condense(Figures.flatten(typed)));
            } else {
                card.paragraph(values);
            }
        });
        if (report == null && parts.isEmpty()) {
            card.note("No status: the health service is not installed, and the layer publishes no figures.");
        }
    }

    static String bundleSummary(Map<?, ?> bundles) {
        if (bundles.isEmpty()) {
            return "No bundle of this layer is installed.";
        }
        List<String> notActive = new ArrayList<>();
        bundles.forEach((name, state) -> {
            if (!"ACTIVE".equals(state)) {
                notActive.add(name + " " + state);
            }
        });
        String count = bundles.size() + (bundles.size() == 1 ? " bundle" : " bundles");
        return notActive.isEmpty() ? count + ", all active." : count + "; not active: " + String.join(", ", notActive);
    }

    private static void alerts(HtmlFragment page, Object alerts) {
        page.section("Alerts");
        List<List<Object>> rows = new ArrayList<>();
        if (alerts instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> alert) {
                    rows.add(List.of(String.valueOf(alert.get("name")),
                            Html.badge(Boolean.TRUE.equals(alert.get("firing")) ? "firing" : "ok"),
                            alert.get("value") == null ? "-" : Figures.plain(alert.get("value")),
                            alert.get("threshold") == null ? "-" : Figures.plain(alert.get("threshold")),
                            alert.get("unit") == null ? "" : String.valueOf(alert.get("unit")),
                            alert.get("message") == null ? "" : String.valueOf(alert.get("message"))));
                }
            }
        }
        page.table(List.of("Alert", "State", "Value", "Threshold", "Unit", "Message"), rows,
                "No alert rules are installed.");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
