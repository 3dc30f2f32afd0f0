package network.internet2.stoq.transport.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import network.internet2.stoq.StoqTransport;

/**
 * The transport's figures for {@code /health} ({@code layers.stoq.figures.transport}): listeners, active
 * connections, handshakes, refusals by reason, streams and bytes.
 */
@Component(service = Supplier.class, property = "internet2.figures=stoq.transport")
public class StoqFigures implements Supplier<Map<String, Object>> {

    private final StoqEndpoint endpoint;

    @Activate
    public StoqFigures(@Reference(target = "(!(" + StoqAdditionalTransport.ROLE_PROPERTY + "="
            + StoqAdditionalTransport.ADDITIONAL + "))") StoqTransport transport) {
        this.endpoint = ((StoqTransportComponent) transport).endpoint();
    }

    @Override
    public Map<String, Object> get() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("listeners", endpoint.listeners().stream().map(Object::toString).toList());
        figures.put("nativeTransport", endpoint.nativeTransport());
        figures.put("keyExchangeGroups", endpoint.settings().keyExchangeGroups());
        figures.putAll(endpoint.counters().snapshot());
        return figures;
    }
}
