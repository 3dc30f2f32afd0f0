package network.internet2.management.shell.internal;

import java.util.Map;

import org.apache.karaf.shell.support.table.ShellTable;

/** The alerts of {@code internet2:status}: each with {@code FIRING} or {@code ok}, its value against its threshold. */
final class AlertTable {

    static final String FIRING = "FIRING";
    static final String OK = "ok";

    private AlertTable() {
    }

    static ShellTable of(HealthAnswer health) {
        ShellTable table = new ShellTable().emptyTableText("No alert is defined (the management-monitoring bundle "
                + "defines them).");
        table.column("Alert");
        table.column("State");
        table.column("Value").alignRight();
        table.column("Threshold").alignRight();
        table.column("Message");
        for (Map<String, Object> alert : health.alerts()) {
            Object unit = alert.get("unit");
            table.addRow().addContent(HealthAnswer.text(alert.get("name")),
                    Boolean.TRUE.equals(alert.get("firing")) ? FIRING : OK,
                    measured(alert.get("value"), unit), measured(alert.get("threshold"), unit),
                    alert.get("message") == null ? "" : alert.get("message").toString());
        }
        return table;
    }

    /** @return {@code 1.2 Gbit/s}, the number alone without a unit, {@code -} without a value */
    static String measured(Object value, Object unit) {
        if (value == null) {
            return Quantities.NONE;
        }
        return Quantities.value(value) + (unit == null || unit.toString().isBlank() ? "" : " " + unit);
    }
}
