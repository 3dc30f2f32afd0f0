package network.internet2.trustchain.ca.cli.internal;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;

/** {@code trustchain:revoke}: revokes a certificate; the next CRL lists it. */
@Service
@Command(scope = "trustchain", name = "revoke",
        description = "Revokes a certificate this CA issued, with an RFC 5280 reason; the next CRL lists it. "
                + "Options go before the serial, as in: trustchain:revoke --reason keyCompromise 4f3a...")
public class RevokeCommand implements Action {

    @Reference
    CertificateAuthority ca;

    @Argument(index = 0, name = "serial", required = true,
            description = "Serial of the certificate, in hexadecimal as trustchain:list shows it")
    @Completion(SerialCompleter.class)
    String serial;

    @Option(name = "--reason", aliases = "-r", description = "Why: unspecified, keyCompromise, caCompromise, "
            + "affiliationChanged, superseded, cessationOfOperation, certificateHold, removeFromCrl, "
            + "privilegeWithdrawn, aaCompromise (or the CRLReason code)")
    @Completion(RevocationReasonCompleter.class)
    String reason = "unspecified";

    @Override
    public Object execute() throws Exception {
        BigInteger number = Serials.parse(serial);
        RevocationReason why = Reasons.parse(reason);
        Optional<IssuedCertificate> before = ca.find(number);

        IssuedCertificate revoked;
        try {
            revoked = ca.revoke(number, why);
        } catch (CaException e) {
            throw new CommandException(e.getMessage(), e);
        }

        boolean already = before.isPresent() && before.get().revoked();
        System.out.println(already ? "Already revoked, nothing changed:" : "Revoked:");
        Format.aligned(List.of(
                Map.entry("Serial", Serials.hex(revoked.serial())),
                Map.entry("Subject", Format.subject(revoked.certificate())),
                Map.entry("Reason", Reasons.name(revoked.revocationReason() != null ? revoked.revocationReason()
                        : RevocationReason.UNSPECIFIED)),
                Map.entry("Revoked at", revoked.revokedAt() == null ? "" : Format.time(revoked.revokedAt()))))
                .forEach(line -> System.out.println("  " + line));
        return null;
    }
}
