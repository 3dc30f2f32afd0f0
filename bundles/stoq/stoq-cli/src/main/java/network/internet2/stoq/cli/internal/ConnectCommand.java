package network.internet2.stoq.cli.internal;

import java.security.cert.X509Certificate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqTransport;

/** {@code stoq:connect}: a validated connection to a peer, and who it proved to be. */
@Service
@Command(scope = "stoq", name = "connect",
        description = "Connects to a peer over STOQ (by name through the stack's DNS, or by IPv6 address), with the "
                + "full validation of its certificate and the post-quantum possession proof, and shows the peer's "
                + "identity and how long it took. Options go before the arguments.")
public class ConnectCommand implements Action {

    @Reference
    StoqTransport transport;

    @Option(name = "--port", aliases = "-p", description = "The peer's UDP port (default 4433)")
    int port = 4433;

    @Argument(index = 0, name = "peer", required = true,
            description = "A name (node1.internet2.network) or an IPv6 address (::1)")
    @Completion(PeerCompleter.class)
    String peer;

    @Override
    public Object execute() throws Exception {
        long start = System.nanoTime();
        StoqConnection connection;
        try {
            connection = Peers.connect(transport, peer, port);
        } catch (PeerRefusedException e) {
            throw new CommandException("refused (" + e.reason().label() + "): " + e.getMessage(), e);
        } catch (StoqException e) {
            throw new CommandException(e.getMessage(), e);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        X509Certificate certificate = connection.peer().certificate();
        System.out.printf("Connected to %s at %s in %.1f ms%n", connection.peer().name(),
                connection.remoteAddress(), millis);
        System.out.println("Certificate  " + certificate.getSubjectX500Principal().getName());
        System.out.println("Issuer       " + certificate.getIssuerX500Principal().getName());
        System.out.println("Not after    " + certificate.getNotAfter().toInstant());
        System.out.println("Serial       " + certificate.getSerialNumber().toString(16));
        System.out.println("(the connection stays pooled for reuse until it is idle)");
        return null;
    }
}
