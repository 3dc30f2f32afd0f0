package network.internet2.management.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.support.table.ShellTable;

/**
 * The layers of {@code internet2:status}: per layer its status, how many of its bundles are active, how many of
 * its core services are registered and which are missing, and its problems, one per line.
 */
final class LayerTable {

    private static final String ACTIVE = "ACTIVE";

    private LayerTable() {
    }

    static ShellTable of(HealthAnswer health) {
        ShellTable table = new ShellTable().emptyTableText("The health answer names no layer.");
        table.column("Layer");
        table.column("Status");
        table.column("Bundles");
        table.column("Services");
        table.column("Missing services");
        table.column("Problems");
        health.layers().forEach((layer, report) -> {
            List<?> problems = HealthAnswer.list(report.get("problems"));
            table.addRow().addContent(layer, HealthAnswer.text(report.get("status")),
                    bundles(HealthAnswer.map(report.get("bundles"))),
                    services(HealthAnswer.map(report.get("services"))),
                    String.join(", ", missingServices(HealthAnswer.map(report.get("services")))),
                    problems.isEmpty() ? "" : String.valueOf(problems.get(0)));
            for (Object problem : problems.subList(Math.min(1, problems.size()), problems.size())) {
                table.addRow().addContent("", "", "", "", "", String.valueOf(problem));
            }
        });
        return table;
    }

    /** @return {@code 7/8 active}, or {@code none} when the layer has no bundle installed */
    static String bundles(Map<String, Object> states) {
        if (states.isEmpty()) {
            return "none";
        }
        long active = states.values().stream().filter(ACTIVE::equals).count();
        return active + "/" + states.size() + " active";
    }

    /** @return {@code 2/3 registered} */
    static String services(Map<String, Object> registered) {
        long present = registered.values().stream().filter(Boolean.TRUE::equals).count();
        return present + "/" + registered.size() + " registered";
    }

    /** @return the simple names of the core services not registered ({@code CertificateAuthority}) */
    static List<String> missingServices(Map<String, Object> registered) {
        List<String> missing = new ArrayList<>();
        registered.forEach((service, present) -> {
            if (!Boolean.TRUE.equals(present)) {
                missing.add(service.substring(service.lastIndexOf('.') + 1));
            }
        });
        return missing;
    }
}
