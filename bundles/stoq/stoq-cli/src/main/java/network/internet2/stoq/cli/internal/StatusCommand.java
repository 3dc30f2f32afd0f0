package network.internet2.stoq.cli.internal;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import network.internet2.stoq.StoqTransport;

/** {@code stoq:status}: the transport's listeners and counters. */
@Service
@Command(scope = "stoq", name = "status",
        description = "Shows the STOQ listeners and the transport's counters: connections, handshakes, refusals "
                + "by reason, streams and bytes (the figures /health lists under layers.stoq.figures.transport).")
public class StatusCommand implements Action {

    /** The transport's figures, as {@code /health} shows them. */
    static final String FIGURES_FILTER = "(internet2.figures=stoq.transport)";

    @Reference
    StoqTransport transport;

    /**
     * To find the figures service by its property. Not {@code @Reference(filter = …)}: Karaf 4.4.10's shell applies
     * that filter only to service events after the command bundle started, not to its first lookup, and so hands
     * over whichever {@code Supplier} is registered first (another layer's figures).
     */
    @Reference
    BundleContext context;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object execute() throws Exception {
        System.out.println("Listening on " + listeners(transport.listeners()));
        Collection<ServiceReference<Supplier>> found = context.getServiceReferences(Supplier.class, FIGURES_FILTER);
        Supplier<Map<String, Object>> figures = found.isEmpty() ? null : context.getService(found.iterator().next());
        if (figures == null) {
            System.out.println("(the transport publishes no figures)");
            return null;
        }
        try {
            counters(figures.get()).print(System.out);
        } finally {
            context.ungetService(found.iterator().next());
        }
        return null;
    }

    /** @return the listening addresses ({@code [0:0:0:0:0:0:0:1]:4433}), comma-separated, or {@code nothing} */
    static String listeners(List<InetSocketAddress> listeners) {
        List<String> addresses = listeners.stream().map(StatusCommand::address).toList();
        return addresses.isEmpty() ? "nothing (no listener is open)" : String.join(", ", addresses);
    }

    private static String address(InetSocketAddress address) {
        if (address.getAddress() == null) {
            return address.getHostString() + ":" + address.getPort();
        }
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** @return the figures but the listeners, one row each, lists comma-separated */
    static ShellTable counters(Map<String, Object> figures) {
        ShellTable table = new ShellTable().emptyTableText("The transport has no counters yet.");
        table.column("Counter");
        table.column("Value").alignRight();
        figures.forEach((name, value) -> {
            if (!"listeners".equals(name)) {
                table.addRow().addContent(name, value instanceof List<?> list
                        ? String.join(", ", list.stream().map(String::valueOf).toList()) : String.valueOf(value));
            }
        });
        return table;
    }
}
