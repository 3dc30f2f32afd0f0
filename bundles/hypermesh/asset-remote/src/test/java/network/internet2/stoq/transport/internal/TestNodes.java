package network.internet2.stoq.transport.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqTransport;

/**
 * Real STOQ endpoints on [::1] with certificates of one test CA, each with its
 * own identity: the transports of the nodes of a test.
 */
public final class TestNodes implements AutoCloseable {

    private final TestPki pki;
    private final Deque<StoqEndpoint> started = new ArrayDeque<>();

    public TestNodes() throws Exception {
        this.pki = TestPki.create("remote-assets-test-root");
    }

    /** Starts a node named {@code dnsName} on an ephemeral [::1] port, serving {@code services}. */
    public StoqTransport start(String dnsName, Map<String, StoqService> services) throws Exception {
        TransportSettings settings = TransportSettings.defaults((Inet6Address) InetAddress.getByName("::1"))
                .withPort(0);
        NodeKeys keys = pki.leaf(dnsName);
        StoqEndpoint endpoint = new StoqEndpoint(settings, () -> keys, pki.check(), ConnectionGate.ADMIT_ALL,
                name -> Optional.ofNullable(services.get(name)), name -> List.of());
        started.push(endpoint);
        endpoint.start();
        return endpoint;
    }

    /** @return where {@code node} listens */
    public static InetSocketAddress listener(StoqTransport node) {
        return node.listeners().get(0);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }
}
