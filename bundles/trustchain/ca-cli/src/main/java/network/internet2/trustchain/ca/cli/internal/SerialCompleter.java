package network.internet2.trustchain.ca.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.IssuedCertificate;

/** Completes the serials (hex) of the certificates the CA issued that are not revoked yet. */
@Service
public class SerialCompleter implements Completer {

    @Reference
    CertificateAuthority ca;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(serials(ca.list()), false).complete(session, commandLine, candidates);
    }

    /** @return the serials, in hex, of the certificates that can still be revoked */
    static List<String> serials(List<IssuedCertificate> issued) {
        return issued.stream().filter(certificate -> !certificate.revoked())
                .map(certificate -> Serials.hex(certificate.serial())).toList();
    }
}
