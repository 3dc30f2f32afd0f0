package network.internet2.management.verification.internal;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import network.internet2.management.rest.support.BodyLimit;
import network.internet2.management.rest.support.ServletAdapter;
import network.internet2.stoq.StoqTransport;
import network.internet2.trustchain.ca.NodeCertificateProvider;

/**
 * {@code GET /test-cert-validation} on Karaf's HTTP service ({@link CertValidationEndpoint} does the work). The
 * transport (the main one, not an additional one) and the node certificate are optional references: without them
 * the endpoint answers 503 and says what is missing. Its one thread closes a connection whose echo hangs.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("internet2-test-cert-validation")
@HttpWhiteboardServletPattern(CertValidationEndpoint.PATH)
public class CertValidationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final long ECHO_TIMEOUT_MILLIS = 10_000;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(!(stoq.transport=additional))")
    private volatile StoqTransport transport;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NodeCertificateProvider certificates;

    private final transient ScheduledExecutorService watchdog;
    private final transient ServletAdapter adapter;

    @Activate
    public CertValidationServlet() {
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "internet2-test-cert-validation-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        CertValidationEndpoint endpoint = new CertValidationEndpoint(() -> transport, () -> certificates,
                new CertValidation(watchdog, ECHO_TIMEOUT_MILLIS));
        this.adapter = new ServletAdapter(endpoint, VerificationErrors.FORMAT, null,
                new BodyLimit(0, 0, "this endpoint reads no body; use GET"));
    }

    @Deactivate
    void stop() {
        watchdog.shutdownNow();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        adapter.service(request, response);
    }
}
