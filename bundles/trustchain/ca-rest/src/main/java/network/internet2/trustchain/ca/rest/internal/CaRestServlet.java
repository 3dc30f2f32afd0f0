package network.internet2.trustchain.ca.rest.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import network.internet2.management.rest.support.BodyLimit;
import network.internet2.management.rest.support.JaasBasicAuthenticator;
import network.internet2.management.rest.support.ServletAdapter;
import network.internet2.trustchain.ca.CertificateAuthority;

/**
 * {@code /trustchain/ca/*}: the CA over HTTP (see the package documentation for
 * the endpoints). This class only wires the shared {@link ServletAdapter}: it
 * authenticates requests other than GET when configured to, bounds the body to
 * 64 KiB, and hands the request to {@link CaEndpoints}.
 *
 * <p>The CA reference is static and greedy: the servlet is unregistered when the
 * CA goes away, and re-registered on a better-ranked CA when one appears.
 */
@Component(service = Servlet.class, configurationPid = CaRestServlet.PID)
@Designate(ocd = CaRestServlet.Config.class)
@HttpWhiteboardServletName("internet2-ca")
@HttpWhiteboardServletPattern(Route.BASE + "/*")
public class CaRestServlet extends HttpServlet {

    static final String PID = "network.internet2.trustchain.ca.rest";

    /** Largest request body accepted: CSRs and chains are a few KiB. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** A too-large body up to this size is read and dropped before the 413 is sent. */
    static final long DRAIN_LIMIT_BYTES = 1024 * 1024;

    @ObjectClassDefinition(name = "Internet 2.0 TrustChain CA REST",
            description = "The certificate authority over HTTP under /trustchain/ca.")
    @interface Config {
        @AttributeDefinition(name = "Require authentication",
                description = "Requests other than GET (issue, revoke, validate) need HTTP Basic credentials of a "
                        + "user with role admin in Karaf's JAAS realm 'karaf'. Only a development profile should "
                        + "turn this off.")
        boolean require_authentication() default true;
    }

    private static final long serialVersionUID = 1L;

    /** Why POSTs need credentials, the start of the 401's message. */
    static final String AUTHENTICATION_REASON = "this request changes or uses the CA";

    private final transient ServletAdapter adapter;

    @Activate
    public CaRestServlet(@Reference(name = "ca", policyOption = ReferencePolicyOption.GREEDY) CertificateAuthority ca,
            Config config) {
        this(ca, config.require_authentication() ? new JaasBasicAuthenticator(AUTHENTICATION_REASON) : null);
    }

    /** @param authenticator checks requests other than GET, or {@code null} when authentication is off */
    CaRestServlet(CertificateAuthority ca, JaasBasicAuthenticator authenticator) {
        this.adapter = new ServletAdapter(new CaEndpoints(ca), CaJson.ERRORS, authenticator,
                new BodyLimit(MAX_BODY_BYTES, DRAIN_LIMIT_BYTES, "the request body is larger than "
                        + MAX_BODY_BYTES / 1024 + " KiB; CSRs and certificate chains are a few KiB, send only those"));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        adapter.service(request, response);
    }
}
