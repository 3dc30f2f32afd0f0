package network.internet2.trustchain.ca.cli.internal;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CertificateAuthority;

/** {@code trustchain:rotate [--root]}: a new intermediate (or root) issues from now on. */
@Service
@Command(scope = "trustchain", name = "rotate",
        description = "Rotates the intermediate CA now: a new intermediate issues new certificates; the previous "
                + "one stays valid for the certificates it issued. With --root, rotates the root by cross-signing.")
public class RotateCommand implements Action {

    @Reference
    CertificateAuthority ca;

    @Option(name = "--root", description = "Rotate the root: a new root, cross-signed by the current one, and a "
            + "new intermediate under it; the old root stays trusted until it expires")
    boolean root;

    @Override
    public Object execute() throws Exception {
        X509Certificate previous;
        X509Certificate current;
        try {
            previous = ca.issuingChain().get(0);
            if (root) {
                X509Certificate previousRoot = ca.root();
                ca.rotateRoot();
                System.out.println("New root CA " + Format.subject(ca.root()) + ", serial "
                        + Serials.hex(ca.root().getSerialNumber()) + ", cross-signed by "
                        + Format.subject(previousRoot) + " (still trusted until it expires)");
            } else {
                ca.rotateIntermediate();
            }
            current = ca.issuingChain().get(0);
        } catch (CaException | IllegalStateException e) {
            throw new CommandException("cannot rotate: " + e.getMessage(), e);
        }
        System.out.println("New intermediate CA:");
        Format.aligned(List.of(
                Map.entry("Subject", Format.subject(current)),
                Map.entry("Serial", Serials.hex(current.getSerialNumber())),
                Map.entry("Valid", Format.validity(current)),
                Map.entry("Hybrid", Format.hybrid(current) ? "yes" : "no"),
                Map.entry("Replaces", Serials.hex(previous.getSerialNumber()) + " (" + Format.subject(previous)
                        + "), still valid for the certificates it issued")))
                .forEach(line -> System.out.println("  " + line));
        return null;
    }
}
