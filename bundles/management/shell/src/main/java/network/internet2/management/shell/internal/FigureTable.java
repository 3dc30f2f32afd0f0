package network.internet2.management.shell.internal;

import java.util.Map;

import org.apache.karaf.shell.support.table.ShellTable;

/**
 * The figures of {@code internet2:status}: what each layer publishes ({@code layers.<layer>.figures.<part>}),
 * one row per figure, nested maps flattened into dotted names ({@code dns.byRcode.NOERROR}).
 */
final class FigureTable {

    private FigureTable() {
    }

    static ShellTable of(HealthAnswer health) {
        ShellTable table = new ShellTable().emptyTableText("No layer publishes figures.");
        table.column("Layer");
        table.column("Figure");
        table.column("Value");
        health.layers().forEach((layer, report) -> HealthAnswer.map(report.get("figures"))
                .forEach((part, figures) -> add(table, layer, part, figures)));
        return table;
    }

    private static void add(ShellTable table, String layer, String name, Object value) {
        if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
            HealthAnswer.map(nested).forEach((key, item) -> add(table, layer, name + "." + key, item));
            return;
        }
        table.addRow().addContent(layer, name, Quantities.value(value));
    }
}
