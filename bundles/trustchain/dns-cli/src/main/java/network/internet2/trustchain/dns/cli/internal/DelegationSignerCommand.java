package network.internet2.trustchain.dns.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import network.internet2.trustchain.dns.DnsAdministration;

/** {@code dns:ds}: the DS record(s) a parent zone needs to delegate to this one with DNSSEC. */
@Service
@Command(scope = "dns", name = "ds",
        description = "Prints the DS record (SHA-256 digest of the zone's key-signing key) to give the parent "
                + "zone, one per line in presentation form, or says that DNSSEC is turned off.")
public class DelegationSignerCommand implements Action {

    static final String SERVER_PID = "network.internet2.trustchain.dns.server";

    @Reference
    DnsAdministration dns;

    @Override
    public Object execute() throws Exception {
        List<String> lines = dns.delegationSigner();
        if (lines.isEmpty()) {
            System.out.println("DNSSEC is turned off: the zone is not signed, so there is no DS record for the "
                    + "parent zone. To sign it, set dnssec.enabled=true in the configuration " + SERVER_PID
                    + " (config:property-set -p " + SERVER_PID + " dnssec.enabled true).");
            return null;
        }
        lines.forEach(System.out::println);
        return null;
    }
}
