package network.internet2.trustchain.dns.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import network.internet2.trustchain.dns.DnsAdministration;
import network.internet2.trustchain.dns.DnsStatistics;

/**
 * The DNS server's figures for {@code /health}: a plain {@link Supplier}
 * registered with {@code internet2.figures=trustchain.dns}, so the management
 * bundle needs no dependency on the DNS API.
 */
@Component(service = Supplier.class, property = "internet2.figures=trustchain.dns")
public class DnsFigures implements Supplier<Map<String, Object>> {

    private final DnsAdministration dns;
    private final ZonePublisher zone;

    @Activate
    public DnsFigures(@Reference DnsAdministration dns, @Reference ZonePublisher zone) {
        this.dns = dns;
        this.zone = zone;
    }

    @Override
    public Map<String, Object> get() {
        DnsStatistics statistics = dns.statistics();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("zone", zone.origin().toString());
        figures.put("records", zone.records().size());
        figures.put("queries", statistics.queries());
        figures.put("dropped", statistics.dropped());
        figures.put("tcpQueries", statistics.tcpQueries());
        figures.put("truncated", statistics.truncated());
        figures.put("byType", statistics.byType());
        figures.put("byRcode", statistics.byRcode());
        figures.put("meanLatencyMicros", Math.round(statistics.meanLatencyMicros() * 10) / 10.0);
        figures.put("maxLatencyMicros", statistics.maxLatencyMicros());
        return figures;
    }
}
