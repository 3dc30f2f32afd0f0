package network.internet2.trustchain.ca.cli.internal;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.IssuedCertificate;

/** {@code trustchain:info}: the root, the intermediate that issues now, and how many certificates were issued. */
@Service
@Command(scope = "trustchain", name = "info",
        description = "Shows the CA: its root, the intermediate that issues new certificates (subject, serial, "
                + "validity, whether hybrid) and how many certificates it issued and revoked.")
public class InfoCommand implements Action {

    @Reference
    CertificateAuthority ca;

    @Override
    public Object execute() throws Exception {
        X509Certificate root;
        X509Certificate intermediate;
        try {
            root = ca.root();
            intermediate = ca.issuingChain().get(0);
        } catch (IllegalStateException e) {
            throw new CommandException(e.getMessage(), e);
        }
        List<IssuedCertificate> issued = ca.list();
        long revoked = issued.stream().filter(IssuedCertificate::revoked).count();

        List<Map.Entry<String, String>> entries = new ArrayList<>(Format.describe("Root CA", root));
        entries.addAll(Format.describe("Intermediate CA", intermediate));
        entries.add(Map.entry("Certificates", issued.size() + " issued, " + revoked + " revoked"));
        Format.aligned(entries).forEach(System.out::println);
        return null;
    }
}
