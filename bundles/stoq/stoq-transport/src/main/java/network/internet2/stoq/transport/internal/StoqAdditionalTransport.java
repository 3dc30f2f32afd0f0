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
import org.osgi.service.metatype.annotations.Designate;

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
@Designate(ocd = StoqTransportComponent.Config.class, factory = true)
public class StoqAdditionalTransport extends StoqTransportComponent {

    static final String FACTORY_PID = "network.internet2.stoq.transport.additional";
    static final String ROLE_PROPERTY = "stoq.transport";
    static final String ADDITIONAL = "additional";

    @Activate
    public StoqAdditionalTransport(BundleContext context, Config config,
            @Reference(target = "(" + CryptoSuite.SUITE_PROPERTY + "=" + CryptoSuite.POST_QUANTUM + ")")
            CryptoSuite postQuantum) throws StoqException {
        super(context, config, postQuantum);
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
