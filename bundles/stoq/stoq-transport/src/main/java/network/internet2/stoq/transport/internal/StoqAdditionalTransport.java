package network.internet2.stoq.transport.internal;

import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.dns.NameService;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqTransport;

/**
 * A further STOQ transport of the node, one per factory configuration of
 * {@value #FACTORY_PID} (e.g. {@code network.internet2.stoq.transport.additional~public.cfg}):
 * its own listener and client connections, with the same node certificate,
 * the same checks of peers and the same whiteboard services as the main
 * transport. Use it to listen on a second address or port. It registers with
 * {@value #ROLE_PROPERTY}={@value #ADDITIONAL} and a service ranking of -1,
 * so that consumers asking for "the" transport get the main one. With no such
 * configuration there is no additional transport, which {@code /health} knows
 * ({@code internet2.instances=optional}) is not a problem.
 */
@Component(service = StoqTransport.class, configurationPid = StoqAdditionalTransport.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {StoqAdditionalTransport.ROLE_PROPERTY + "=" + StoqAdditionalTransport.ADDITIONAL,
            "service.ranking:Integer=-1", "internet2.instances=optional"})
@Designate(ocd = StoqAdditionalTransport.Config.class, factory = true)
public class StoqAdditionalTransport extends StoqTransportComponent {

    static final String FACTORY_PID = "network.internet2.stoq.transport.additional";
    static final String ROLE_PROPERTY = "stoq.transport";
    static final String ADDITIONAL = "additional";

    /** The form of one additional transport: the main transport's settings, for another address or port. */
    @ObjectClassDefinition(name = "Internet 2.0 STOQ additional transport",
            description = "A further QUIC listener of the node (one per configuration) with the node's certificate, "
                    + "the same peer checks and the same services as the main STOQ transport.")
    @interface Config {
        @AttributeDefinition(description = "IPv6 address to listen on (::1 this host only, :: every interface)")
        String bind_address() default "::1";

        @AttributeDefinition(description = "UDP port; it must differ from the main transport's on the same address",
                min = "0", max = "65535")
        int port() default 4434;

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

    @Activate
    public StoqAdditionalTransport(BundleContext context, Config config,
            @Reference(target = "(" + CryptoSuite.SUITE_PROPERTY + "=" + CryptoSuite.POST_QUANTUM + ")")
            CryptoSuite postQuantum) throws StoqException {
        super(context, settings(config.bind_address(), config.port(), config.max_connections(), config.max_streams(),
                config.idle_timeout_seconds(), config.handshake_timeout_seconds(), config.key_exchange_groups(),
                config.max_udp_payload(), config.socket_buffer_bytes(), config.congestion_control(),
                config.udp_offload()), postQuantum);
    }

    // DS annotations are not inherited: the main transport's dynamic references, declared again

    @Override
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setNameService(NameService service) {
        super.setNameService(service);
    }

    @Override
    void unsetNameService(NameService service) {
        super.unsetNameService(service);
    }

    @Override
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addService(StoqService service, Map<String, Object> properties) {
        super.addService(service, properties);
    }

    @Override
    void removeService(StoqService service, Map<String, Object> properties) {
        super.removeService(service, properties);
    }

    @Override
    @Deactivate
    void stop() {
        super.stop();
    }
}
