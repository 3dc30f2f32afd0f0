package network.internet2.stoq.cli.internal;

import java.util.Map;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import network.internet2.stoq.StoqTransport;

/** {@code stoq:status}: the transport's listeners and counters. */
@Service
@Command(scope = "stoq", name = "status",
        description = "Shows the STOQ listeners and the transport's counters: connections, handshakes, refusals "
                + "by reason, streams and bytes.")
public class StatusCommand implements Action {

    @Reference
    StoqTransport transport;

    @Reference
    BundleContext context;

    @Override
    @SuppressWarnings("unchecked")
    public Object execute() throws Exception {
        System.out.println("Listening on " + transport.listeners());
        var references = context.getServiceReferences(Supplier.class, "(internet2.figures=stoq.transport)");
        if (references.isEmpty()) {
            System.out.println("(the transport publishes no figures)");
            return null;
        }
        Supplier<Map<String, Object>> figures = context.getService(references.iterator().next());
        ShellTable table = new ShellTable();
        table.column("Counter");
        table.column("Value").alignRight();
        figures.get().forEach((name, value) -> {
            if (!"listeners".equals(name)) {
                table.addRow().addContent(name, String.valueOf(value));
            }
        });
        table.print(System.out);
        context.ungetService(references.iterator().next());
        return null;
    }
}
