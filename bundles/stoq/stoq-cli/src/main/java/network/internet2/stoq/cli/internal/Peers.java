package network.internet2.stoq.cli.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqTransport;

/** A peer given on the command line: an IPv6 literal (never looked up) or a name for the stack's DNS. */
final class Peers {

    private Peers() {
    }

    static StoqConnection connect(StoqTransport transport, String peer, int port) throws StoqException {
        if (peer.contains(":")) {
            String literal = peer.startsWith("[") && peer.endsWith("]") ? peer.substring(1, peer.length() - 1) : peer;
            if (!literal.matches("[0-9A-Fa-f:.]+")) {
                throw new StoqException("'" + peer + "' is not an IPv6 address");
            }
            try {
                // bracketed: the JDK parses the literal or fails, it never asks a resolver
                InetAddress address = InetAddress.getByName("[" + literal + "]");
                return transport.connect(new InetSocketAddress(address, port));
            } catch (UnknownHostException e) {
                throw new StoqException("'" + peer + "' is not an IPv6 address", e);
            }
        }
        return transport.connect(peer, port);
    }
}
