package network.internet2.management.verification.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import network.internet2.management.rest.support.BodyLimit;
import network.internet2.management.rest.support.ServletAdapter;
import network.internet2.trustchain.dns.DnsAdministration;

/**
 * {@code GET /test-dns} on Karaf's HTTP service ({@link DnsTestEndpoint} does the work). The embedded DNS server is
 * an optional reference: its service properties (its configuration) say where it listens and which names it
 * serves; without it the endpoint answers 503.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("internet2-test-dns")
@HttpWhiteboardServletPattern(DnsTestEndpoint.PATH)
public class DnsTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

    private final transient ServletAdapter adapter;
    private transient volatile Bound bound;

    @Activate
    public DnsTestServlet() {
        this.adapter = new ServletAdapter(new DnsTestEndpoint(this::dnsServer, new DnsProbe(QUERY_TIMEOUT)),
                VerificationErrors.FORMAT, null, new BodyLimit(0, 0, "this endpoint reads no body; use GET"));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetDnsServer", updated = "updatedDnsServer")
    void setDnsServer(DnsAdministration server, Map<String, Object> properties) {
        bound = new Bound(server, Map.copyOf(properties));
    }

    void unsetDnsServer(DnsAdministration server, Map<String, Object> properties) {
        Bound current = bound;
        if (current != null && current.server() == server) {
            bound = null;
        }
    }

    void updatedDnsServer(DnsAdministration server, Map<String, Object> properties) {
        bound = new Bound(server, Map.copyOf(properties));
    }

    /** The DNS server bound now and its service properties (a greedy replacement binds before the old unbinds). */
    private record Bound(DnsAdministration server, Map<String, ?> properties) {
    }

    private Map<String, ?> dnsServer() {
        Bound current = bound;
        return current == null ? null : current.properties();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        adapter.service(request, response);
    }
}
