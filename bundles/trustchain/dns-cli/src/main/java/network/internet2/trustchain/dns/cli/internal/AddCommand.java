package network.internet2.trustchain.dns.cli.internal;

import java.net.Inet6Address;
import java.time.Duration;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.trustchain.dns.DnsAdministration;
import network.internet2.trustchain.dns.DnsRecord;

/** {@code dns:add}: an operator record {@code name AAAA address}, kept across restarts. */
@Service
@Command(scope = "dns", name = "add",
        description = "Adds an operator record name AAAA address to the node's zone; it is saved and survives a "
                + "restart until dns:remove removes it. The address must be an IPv6 literal: IPv4 and "
                + "IPv4-mapped addresses are refused and no name is ever looked up. Options go before the name, "
                + "as in: dns:add --ttl 60 printer 2001:db8::7")
public class AddCommand implements Action {

    static final long DEFAULT_TTL_SECONDS = 300;

    @Reference
    DnsAdministration dns;

    @Option(name = "--ttl", aliases = "-t", description = "Time to live of the record, in seconds, from 0 to "
            + "604800 (a week); give it before the name")
    long ttl = DEFAULT_TTL_SECONDS;

    @Argument(index = 0, name = "name", required = true,
            description = "Name of the record: relative to the zone (printer) or fully qualified "
                    + "(printer.internet2.network.)")
    String name;

    @Argument(index = 1, name = "ipv6-address", required = true,
            description = "The IPv6 address the name stands for, such as 2001:db8::7 (brackets allowed)")
    String address;

    @Override
    public Object execute() throws Exception {
        if (ttl < 0) {
            throw new CommandException("--ttl must be 0 or more seconds, not " + ttl + "; nothing was added");
        }
        Inet6Address parsed = Addresses.ipv6(address);
        DnsRecord added;
        try {
            added = dns.add(name, parsed, Duration.ofSeconds(ttl));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage() + "; nothing was added", e);
        } catch (IllegalStateException e) {
            throw new CommandException(e.getMessage(), e);
        }
        System.out.println("Added " + Format.line(added));
        return null;
    }
}
