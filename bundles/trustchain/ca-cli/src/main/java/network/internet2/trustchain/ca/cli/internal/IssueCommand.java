package network.internet2.trustchain.ca.cli.internal;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.IssuedCertificate;

/** {@code trustchain:issue}: a certificate for a PKCS#10 request read from a file. */
@Service
@Command(scope = "trustchain", name = "issue",
        description = "Issues a certificate for a PKCS#10 request read from a PEM file (DER is accepted too) and "
                + "prints its serial, subject and expiry; the certificate and its chain (PEM) are printed, or "
                + "written to --out. Options go before the file, as in: trustchain:issue --out node.pem node.csr")
public class IssueCommand implements Action {

    @Reference
    CertificateAuthority ca;

    @Argument(index = 0, name = "csr-file", required = true,
            description = "File with the certification request (-----BEGIN CERTIFICATE REQUEST-----); "
                    + "relative to the node's working directory")
    @Completion(FileCompleter.class)
    String csrFile;

    @Option(name = "--validity-hours", description = "How long the certificate is valid, in hours "
            + "(default: the CA's leaf.validity.hours)")
    Long validityHours;

    @Option(name = "--out", aliases = "-o", description = "Write the certificate and its chain (leaf, "
            + "intermediate, root; PEM) to this file instead of printing them; an existing file is replaced")
    @Completion(FileCompleter.class)
    String out;

    @Override
    public Object execute() throws Exception {
        Path csr = PemFiles.resolve(csrFile);
        byte[] request = PemFiles.readCertificationRequest(csr);
        Duration validity = null;
        if (validityHours != null) {
            if (validityHours <= 0) {
                throw new CommandException("--validity-hours must be a positive number of hours, not "
                        + validityHours);
            }
            try {
                validity = Duration.ofHours(validityHours);
            } catch (ArithmeticException e) {
                throw new CommandException("--validity-hours " + validityHours + " is too long", e);
            }
        }
        Path target = out == null ? null : PemFiles.resolve(out);
        if (target != null) {
            PemFiles.checkWritable(target);
        }

        IssuedCertificate issued;
        try {
            issued = ca.issue(new CertificateRequest(request, validity));
        } catch (CaException e) {
            throw new CommandException("cannot issue a certificate for " + csr + ": " + e.getMessage(), e);
        }

        X509Certificate certificate = issued.certificate();
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issued.chain());
        String pem = PemFiles.toPem(chain);
        Format.aligned(List.of(
                Map.entry("Serial", Serials.hex(issued.serial())),
                Map.entry("Subject", Format.subject(certificate)),
                Map.entry("Not after", Format.time(certificate.getNotAfter().toInstant())),
                Map.entry("Hybrid", Format.hybrid(certificate) ? "yes" : "no")))
                .forEach(System.out::println);
        if (target == null) {
            System.out.print(pem);
            return null;
        }
        try {
            PemFiles.write(target, pem);
        } catch (CommandException e) {
            System.out.print(pem);
            throw new CommandException("certificate " + Serials.hex(issued.serial()) + " was issued (its PEM is "
                    + "printed above), but " + e.getMessage(), e);
        }
        System.out.println("Wrote the certificate and its chain (" + chain.size() + " certificates) to " + target);
        return null;
    }
}
