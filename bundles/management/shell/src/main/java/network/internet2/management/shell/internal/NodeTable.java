package network.internet2.management.shell.internal;

import java.util.Map;

import org.apache.karaf.shell.support.table.ShellTable;

/** The first table of {@code internet2:status}: the node's name, version, status, uptime and memory, one row. */
final class NodeTable {

    private NodeTable() {
    }

    static ShellTable of(HealthAnswer health, NodeMemory memory) {
        ShellTable table = new ShellTable();
        table.column("Node");
        table.column("Version");
        table.column("Status");
        table.column("Uptime").alignRight();
        table.column("Resident memory").alignRight();
        table.column("Heap used").alignRight();
        table.column("Heap committed").alignRight();
        table.column("Heap max").alignRight();
        Map<String, Object> node = health.node();
        table.addRow().addContent(HealthAnswer.text(node.get("name")), HealthAnswer.text(node.get("version")),
                health.status(), uptime(node.get("uptimeSeconds")), Quantities.bytes(memory.resident()),
                Quantities.bytes(memory.heapUsed()), Quantities.bytes(memory.heapCommitted()),
                memory.heapMax() < 0 ? "unbounded" : Quantities.bytes(memory.heapMax()));
        return table;
    }

    private static String uptime(Object seconds) {
        return seconds instanceof Number number ? Quantities.duration(number.longValue()) : Quantities.NONE;
    }
}
