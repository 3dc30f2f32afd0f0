package network.internet2.trustchain.dns.cli.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import network.internet2.trustchain.dns.DnsAdministration;
import network.internet2.trustchain.dns.DnsRecord;

/** {@code dns:records}: the zone as the server answers it, optionally only one type or one owner. */
@Service
@Command(scope = "dns", name = "records",
        description = "Lists the records the DNS server answers with, in canonical order: name, type, TTL, data "
                + "and owner (zone for the node's own records, operator for those dns:add added, else the "
                + "symbolic name of the bundle that published them). RRSIG signatures are shortened unless --full.")
public class RecordsCommand implements Action {

    @Reference
    DnsAdministration dns;

    @Option(name = "--type", aliases = "-t", description = "Only records of this type (AAAA, SOA, NS, DNSKEY, "
            + "RRSIG, NSEC, ...), in any case")
    @Completion(TypeCompleter.class)
    String type;

    @Option(name = "--owner", aliases = "-o", description = "Only records of this owner: zone, operator, or a "
            + "bundle's symbolic name")
    @Completion(OwnerCompleter.class)
    String owner;

    @Option(name = "--full", aliases = "-f", description = "Show RRSIG signatures in full instead of their first "
            + Format.RRSIG_SIGNATURE_CHARS + " characters")
    boolean full;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable().emptyTableText(emptyText());
        for (String header : Format.recordHeaders()) {
            if (header.equals("TTL")) {
                table.column(header).alignRight();
            } else {
                table.column(header);
            }
        }
        for (DnsRecord record : dns.records()) {
            if (Format.matches(record, type, owner)) {
                table.addRow().addContent(Format.recordRow(record, full).toArray());
            }
        }
        table.print(System.out);
        return null;
    }

    private String emptyText() {
        if (type == null && owner == null) {
            return "The zone has no records.";
        }
        return "No record" + (type == null ? "" : " of type " + type) + (owner == null ? "" : " owned by " + owner)
                + ".";
    }
}
