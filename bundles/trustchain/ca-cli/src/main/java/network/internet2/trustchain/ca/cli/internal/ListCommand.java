package network.internet2.trustchain.ca.cli.internal;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.Row;
import org.apache.karaf.shell.support.table.ShellTable;

import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.IssuedCertificate;

/** {@code trustchain:list}: every certificate the CA issued, oldest first, with its status. */
@Service
@Command(scope = "trustchain", name = "list",
        description = "Lists the certificates the CA issued, oldest first: serial (hex), subject, expiry and "
                + "status (valid, expired, or revoked with its reason).")
public class ListCommand implements Action {

    @Reference
    CertificateAuthority ca;

    @Option(name = "--revoked", aliases = "-r", description = "Only revoked certificates, with when they were revoked")
    boolean revokedOnly;

    @Override
    public Object execute() throws Exception {
        Instant now = Instant.now();
        ShellTable table = new ShellTable()
                .emptyTableText(revokedOnly ? "No certificate has been revoked." : "No certificate has been issued.");
        for (String header : Format.listHeaders(revokedOnly)) {
            table.column(header);
        }
        for (IssuedCertificate issued : ca.list()) {
            if (revokedOnly && !issued.revoked()) {
                continue;
            }
            List<String> cells = Format.listRow(issued, now, revokedOnly);
            Row row = table.addRow();
            row.addContent(cells.toArray());
        }
        table.print(System.out);
        return null;
    }
}
