package network.internet2.management.webconsole.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import network.internet2.management.webconsole.internal.Html.Markup;
import network.internet2.stoq.StoqTransport;

/**
 * {@code /system/console/internet2-stoq}: the node's STOQ transports (the main one and any additional ones) with
 * the addresses they listen on, and what the transport's figures ({@code internet2.figures=stoq.transport}) say
 * about connections, handshakes, refusals by reason, streams and bytes. The STOQ API lists no individual
 * connections, so the page shows their counts.
 */
@Component(service = Servlet.class, property = {ConsolePage.LABEL + "=" + StoqPage.PAGE,
    ConsolePage.TITLE + "=STOQ", ConsolePage.CATEGORY + "=" + ConsolePage.INTERNET2})
public class StoqPage extends ConsolePage {

    private static final long serialVersionUID = 1L;

    static final String PAGE = "internet2-stoq";

    /** Service property of the transports other than the main one ({@code stoq.transport=additional}). */
    static final String ROLE_PROPERTY = "stoq.transport";

    private final transient Map<StoqTransport, Map<String, Object>> transports = new ConcurrentHashMap<>();
    private final transient Figures figures = new Figures();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTransport(StoqTransport transport, Map<String, Object> properties) {
        transports.put(transport, Map.copyOf(properties));
    }

    void removeTransport(StoqTransport transport) {
        transports.remove(transport);
    }

    @Reference(service = Supplier.class, target = "(" + Figures.PROPERTY + "=stoq.*)",
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFigures(Supplier<Map<String, Object>> source, Map<String, Object> properties) {
        figures.add(source, properties);
    }

    void removeFigures(Supplier<Map<String, Object>> source) {
        figures.remove(source);
    }

    @Override
    void content(HtmlFragment page) {
        page.section("Transports");
        if (transports.isEmpty()) {
            page.notInstalled("The STOQ transport", "feature stoq-transport");
        } else {
            part(page, "the transports", this::transports);
        }
        Map<String, Object> transportFigures = figures.of("stoq").get("transport");
        page.section("Connections and traffic");
        if (transportFigures == null) {
            page.note("The transport publishes no figures.");
        } else {
            counters(page, Figures.flatten(transportFigures));
        }
    }

    private void transports(HtmlFragment page) {
        Map<String, List<InetSocketAddress>> listeners = new TreeMap<>();
        transports.forEach((transport, properties) -> listeners.put(name(properties), transport.listeners()));
        transports(page, listeners);
    }

    /** @param listeners what each transport listens on, by its {@link #name} */
    static void transports(HtmlFragment page, Map<String, List<InetSocketAddress>> listeners) {
        List<List<Object>> rows = new ArrayList<>();
        listeners.forEach((name, addresses) -> rows.add(List.of(name, Html.code(addresses.isEmpty() ? "-"
                : addresses.stream().map(Formats::address).collect(Collectors.joining(", "))),
                Html.badge(addresses.isEmpty() ? "not listening" : "listening"))));
        page.table(List.of("Transport", "Listening on (UDP)", "State"), rows, "No transport.");
    }

    /** @return {@code main}, or {@code additional} with the configuration that made it */
    static String name(Map<String, Object> properties) {
        if (!"additional".equals(properties.get(ROLE_PROPERTY))) {
            return "main";
        }
        Object pid = properties.get("service.pid");
        return pid == null ? "additional" : "additional (" + pid + ")";
    }

    static void counters(HtmlFragment page, Map<String, Object> flat) {
        page.grid(grid -> {
            Map<String, Object> settings = new LinkedHashMap<>();
            flat.forEach((name, value) -> {
                if (!name.contains(".") && !"listeners".equals(name)) {
                    settings.put(name, value);
                }
            });
            for (String group : Figures.groups(flat)) {
                if (group.isEmpty()) {
                    continue;
                }
                Map<String, Object> members = Figures.group(flat, group);
                if ("bytes".equals(group)) {
                    members.replaceAll((name, value) -> value instanceof Number number
                            ? Formats.amount(number.longValue(), "bytes") : value);
                }
                grid.card(new Markup(Html.escape(group)), card -> card.facts(members));
            }
            if (!settings.isEmpty()) {
                grid.card(new Markup("settings"), card -> card.facts(settings));
            }
        });
    }
}
