package network.internet2.hypermesh.proof.stake.cli.internal;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;

import network.internet2.trustchain.ca.NodeCertificate;
import network.internet2.trustchain.ca.NodeCertificateProvider;

/** The account a command means: the one named, or this node's identity (its certificate's DNS name). */
final class NodeAccount {

    private NodeAccount() {
    }

    static String resolve(String named, NodeCertificateProvider certificates) throws CommandException {
        if (named != null && !named.isBlank()) {
            return named;
        }
        NodeCertificate current = certificates == null ? null : certificates.current();
        if (current == null) {
            throw new CommandException("name the account: this node has no certificate yet to take its identity "
                    + "from (is the TrustChain CA running?)");
        }
        X509Certificate leaf = current.chain().get(0);
        try {
            if (leaf.getSubjectAlternativeNames() != null) {
                for (List<?> name : leaf.getSubjectAlternativeNames()) {
                    if (Integer.valueOf(2).equals(name.get(0))) {
                        return (String) name.get(1);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new CommandException("cannot read the node certificate's names: " + e.getMessage(), e);
        }
        throw new CommandException("the node certificate names no DNS identity; name the account");
    }
}
