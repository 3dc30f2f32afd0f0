package network.internet2.hypermesh.remote;

import java.net.Inet6Address;
import java.util.Objects;

/**
 * An allocation on another node.
 *
 * @param node         the node's DNS name (resolved through the stack's name service) or an IPv6 literal
 * @param port         the node's STOQ port
 * @param proxyAddress the allocation's proxy address on that node
 */
public record RemoteTarget(String node, int port, Inet6Address proxyAddress) {

    public RemoteTarget {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(proxyAddress, "proxyAddress");
        if (node.isBlank()) {
            throw new IllegalArgumentException("the node must be named");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the STOQ port must be between 1 and 65535, not " + port);
        }
    }
}
