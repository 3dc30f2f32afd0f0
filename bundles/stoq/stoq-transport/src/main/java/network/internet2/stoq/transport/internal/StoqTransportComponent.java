package network.internet2.stoq.transport.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqTransport;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.NodeCertificate;
import network.internet2.trustchain.ca.NodeCertificateProvider;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.ct.TransparencyLog;
import network.internet2.trustchain.dns.NameResolutionException;
import network.internet2.trustchain.dns.NameService;

/**
 * The STOQ transport as an OSGi service. Peers are validated through the CA
 * and the CT log found in the service registry at each handshake; the node's
 * own certificate is asked for at each handshake too (renewals are used at
 * once; the last one is kept while the CA is away, so that peers are then told
 * why they are refused rather than meeting a closed port). Services arrive on
 * the whiteboard with {@code stoq.service}.
 */
@Component(service = StoqTransport.class, configurationPid = StoqTransportComponent.PID, immediate = true)
@Designate(ocd = StoqTransportComponent.Config.class)
public class StoqTransportComponent implements StoqTransport {

    static final String PID = "network.internet2.stoq.transport";

    @ObjectClassDefinition(name = "Internet 2.0 STOQ transport",
            description = "QUIC over IPv6 only, with TrustChain certificates checked at the handshake.")
    @interface Config {
        @AttributeDefinition(description = "IPv6 address to listen on (::1 this host only, :: every interface)")
        String bind_address() default "::1";

        @AttributeDefinition(description = "UDP port", min = "0", max = "65535")
        int port() default 4433;

        @AttributeDefinition(description = "Most connections at once", min = "1")
        int max_connections() default 1024;

        @AttributeDefinition(description = "Most bidirectional streams a peer may open at once", min = "1")
        int max_streams() default 128;

        @AttributeDefinition(description = "Seconds a connection may stay idle", min = "1")
        int idle_timeout_seconds() default 30;

        @AttributeDefinition(description = "Seconds a handshake (with the possession proof) may take", min = "1")
        int handshake_timeout_seconds() default 10;

        @AttributeDefinition(description = "Key-exchange groups, in order: X25519MLKEM768 (hybrid) or MLKEM1024")
        String[] key_exchange_groups() default {"X25519MLKEM768"};

        @AttributeDefinition(description = "Largest UDP payload sent, in bytes (1200..65527; 1350 on real networks,"
                + " up to 65527 between processes of one host)")
        int max_udp_payload() default 1350;

        @AttributeDefinition(description = "UDP socket send and receive buffer, in bytes (0: the OS default; the"
                + " kernel caps it at net.core.rmem_max / wmem_max)")
        int socket_buffer_bytes() default TransportSettings.DEFAULT_SOCKET_BUFFER;

        @AttributeDefinition(description = "QUIC congestion control", options = {
            @Option(label = "CUBIC", value = "cubic"), @Option(label = "NewReno", value = "reno"),
            @Option(label = "BBR", value = "bbr")})
        String congestion_control() default "cubic";

        @AttributeDefinition(description = "Use UDP segmentation offload (GSO) and receive coalescing (GRO) where"
                + " Linux and the epoll transport offer them")
        boolean udp_offload() default true;
    }

    private static final Logger LOG = LoggerFactory.getLogger(StoqTransportComponent.class);

    private final BundleContext context;
    private final StoqEndpoint endpoint;
    private final Map<String, StoqService> services = new ConcurrentHashMap<>();
    private final AtomicReference<NodeCertificate> lastNodeCertificate = new AtomicReference<>();
    private volatile NameService names;

    @Activate
    public StoqTransportComponent(BundleContext context, Config config,
            @Reference(target = "(" + CryptoSuite.SUITE_PROPERTY + "=" + CryptoSuite.POST_QUANTUM + ")")
            CryptoSuite postQuantum) throws StoqException {
        this(context, settings(config.bind_address(), config.port(), config.max_connections(), config.max_streams(),
                config.idle_timeout_seconds(), config.handshake_timeout_seconds(), config.key_exchange_groups(),
                config.max_udp_payload(), config.socket_buffer_bytes(), config.congestion_control(),
                config.udp_offload()), postQuantum);
    }

    /** For a transport whose configuration has another form (the additional transports). */
    StoqTransportComponent(BundleContext context, TransportSettings settings, CryptoSuite postQuantum)
            throws StoqException {
        this.context = context;
        TrustChainPeerValidation validation = new TrustChainPeerValidation(
                () -> lookUp(CertificateAuthority.class), () -> lookUp(TransparencyLog.class));
        this.endpoint = new StoqEndpoint(settings, this::nodeKeys, validation,
                new FalconPossessionGate(postQuantum, this::nodeCertificate),
                name -> Optional.ofNullable(services.get(name)), this::resolve);
        endpoint.start();
    }

    /** The endpoint's settings from the configuration's values (the forms of both transports share them). */
    static TransportSettings settings(String bindAddress, int port, int maxConnections, int maxStreams,
            int idleTimeoutSeconds, int handshakeTimeoutSeconds, String[] keyExchangeGroups, int maxUdpPayload,
            int socketBufferBytes, String congestionControl, boolean udpOffload) {
        return TransportSettings.defaults(TransportSettings.ipv6Literal(bindAddress))
                .withPort(port)
                .withMaxConnections(maxConnections)
                .withStreams(maxStreams, 16)
                .withTimeouts(Duration.ofSeconds(idleTimeoutSeconds), Duration.ofSeconds(handshakeTimeoutSeconds),
                        Duration.ofSeconds(5))
                .withUdp(maxUdpPayload, socketBufferBytes)
                .withSpeed(congestionControl, udpOffload)
                .withKeyExchangeGroups(List.of(keyExchangeGroups));
    }

    @Deactivate
    void stop() {
        endpoint.close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setNameService(NameService service) {
        this.names = service;
    }

    void unsetNameService(NameService service) {
        if (names == service) {
            names = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addService(StoqService service, Map<String, Object> properties) {
        Object name = properties.get(StoqService.SERVICE_PROPERTY);
        if (name instanceof String text && !text.isBlank()) {
            services.put(text, service);
        } else {
            LOG.warn("a StoqService without a {} property is ignored", StoqService.SERVICE_PROPERTY);
        }
    }

    void removeService(StoqService service, Map<String, Object> properties) {
        services.remove(String.valueOf(properties.get(StoqService.SERVICE_PROPERTY)), service);
    }

    StoqEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public StoqConnection connect(String name, int port) throws StoqException {
        return endpoint.connect(name, port);
    }

    @Override
    public StoqConnection connectNew(String name, int port) throws StoqException {
        return endpoint.connectNew(name, port);
    }

    @Override
    public StoqConnection connect(InetSocketAddress address) throws StoqException {
        return endpoint.connect(address);
    }

    @Override
    public List<InetSocketAddress> listeners() {
        return endpoint.listeners();
    }

    private List<java.net.Inet6Address> resolve(String name) {
        NameService service = names;
        if (service == null) {
            throw new IllegalStateException("no name service (feature trustchain-dns) to resolve '" + name
                    + "'; the system resolver is never used");
        }
        try {
            return service.resolve(name);
        } catch (NameResolutionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The node's current certificate, or the last one seen while the CA is away. */
    private NodeCertificate nodeCertificate() {
        NodeCertificateProvider provider = lookUp(NodeCertificateProvider.class);
        if (provider != null) {
            NodeCertificate current = provider.current();
            if (current != null) {
                lastNodeCertificate.set(current);
            }
        }
        return lastNodeCertificate.get();
    }

    private NodeKeys nodeKeys() {
        NodeCertificate certificate = nodeCertificate();
        if (certificate == null) {
            throw new IllegalStateException("the node has no certificate yet (is the TrustChain CA running?)");
        }
        return new NodeKeys(certificate.privateKey(), certificate.chain());
    }

    private <T> T lookUp(Class<T> type) {
        ServiceReference<T> reference = context.getServiceReference(type);
        if (reference == null) {
            return null;
        }
        T service = context.getService(reference);
        context.ungetService(reference);
        return service;
    }
}
