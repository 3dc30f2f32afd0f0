package network.internet2.stoq.transport.internal;

import java.net.Inet6Address;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqTransport;
import network.internet2.trustchain.ca.NodeCertificate;

/**
 * A real STOQ endpoint on an ephemeral [::1] port with a certificate of stoq-transport's test CA, for the
 * verification bundle's tests (in the transport's package to reach its test PKI). Its names resolve through the
 * map it is given, never the system resolver.
 */
public final class VerificationTestNode implements AutoCloseable {

    private final StoqEndpoint endpoint;
    private final NodeCertificate certificate;

    /**
     * @param dnsName  the name in the node's certificate
     * @param names    what the node's name service answers
     * @param services the node's STOQ services by name
     */
    public VerificationTestNode(String dnsName, Map<String, List<Inet6Address>> names,
            Map<String, StoqService> services) throws Exception {
        TestPki pki = TestPki.create("verification-test-root");
        NodeKeys keys = pki.leaf(dnsName);
        this.certificate = new NodeCertificate(keys.chain(), keys.key(), null);
        this.endpoint = new StoqEndpoint(TransportSettings.defaults(TransportSettings.ipv6Literal("::1")),
                () -> keys, pki.check(), ConnectionGate.ADMIT_ALL, name -> Optional.ofNullable(services.get(name)),
                name -> names.getOrDefault(name, List.of()));
        endpoint.start();
    }

    /** @return the node's transport */
    public StoqTransport transport() {
        return endpoint;
    }

    /** @return the node's certificate, as the CA's NodeCertificateProvider would hand it out */
    public NodeCertificate certificate() {
        return certificate;
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
