package network.internet2.trustchain.dns.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.trustchain.dns.DnsAdministration;
import network.internet2.trustchain.dns.DnsRecord;
import network.internet2.trustchain.dns.NameService;

/** {@code dns:remove}: the operator records of a name, those dns:add added. */
@Service
@Command(scope = "dns", name = "remove",
        description = "Removes every operator record of a name (the records dns:add added). The node's own "
                + "records (owner zone) and those bundles publish cannot be removed this way: they go when "
                + "the bundle that published them stops.")
public class RemoveCommand implements Action {

    @Reference
    DnsAdministration dns;

    @Reference
    NameService names;

    @Argument(index = 0, name = "name", required = true,
            description = "Name whose operator records to remove: relative to the zone (printer) or fully "
                    + "qualified (printer.internet2.network.)")
    @Completion(OperatorNameCompleter.class)
    String name;

    @Override
    public Object execute() throws Exception {
        List<DnsRecord> removed;
        try {
            removed = dns.remove(name);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage() + "; nothing was removed", e);
        } catch (IllegalStateException e) {
            throw new CommandException(e.getMessage(), e);
        }
        if (!removed.isEmpty()) {
            System.out.println("Removed:");
            removed.forEach(record -> System.out.println("  " + Format.line(record)));
            return null;
        }
        String absolute = Names.absolute(name, names.zone());
        System.out.println("no operator record named " + absolute + ", nothing was removed");
        List<String> others = dns.records().stream().filter(record -> record.name().equalsIgnoreCase(absolute))
                .map(DnsRecord::owner).filter(owner -> !owner.equals(Format.OPERATOR)).distinct().toList();
        if (others.isEmpty()) {
            System.out.println("(dns:remove only removes records added with dns:add; the node's own records and "
                    + "those of bundles cannot be removed this way)");
        } else {
            System.out.println(absolute + " has records of " + String.join(", ", others) + ": the node's own "
                    + "records (zone) and those of bundles cannot be removed with dns:remove; they go when the "
                    + "bundle that published them stops");
        }
        return null;
    }
}
