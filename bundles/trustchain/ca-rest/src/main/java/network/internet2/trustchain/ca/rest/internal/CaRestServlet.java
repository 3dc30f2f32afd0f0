package network.internet2.trustchain.ca.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import network.internet2.trustchain.ca.CertificateAuthority;

/**
 * {@code /trustchain/ca/*}: the CA over HTTP (see the package documentation for
 * the endpoints). This class only adapts the servlet API: it authenticates
 * requests other than GET when configured to, bounds the body to 64 KiB, and
 * hands the request to {@link CaEndpoints}.
 *
 * <p>The CA reference is static and greedy: the servlet is unregistered when the
 * CA goes away, and re-registered on a better-ranked CA when one appears.
 */
@Component(service = Servlet.class, configurationPid = CaRestServlet.PID)
@Designate(ocd = CaRestServlet.Config.class)
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

    private final transient CaEndpoints endpoints;
    /** {@code null} when authentication is off. */
    private final transient JaasBasicAuthenticator authenticator;

    @Activate
    public CaRestServlet(@Reference(name = "ca", policyOption = ReferencePolicyOption.GREEDY) CertificateAuthority ca,
            Config config) {
        this.endpoints = new CaEndpoints(ca);
        this.authenticator = config.require_authentication() ? new JaasBasicAuthenticator() : null;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean readOnly = "GET".equals(method) || "HEAD".equals(method);
        ApiResponse answer;
        try {
            if (!readOnly && authenticator != null) {
                authenticator.authorize(request.getHeader("Authorization"));
            }
            byte[] body = readOnly ? new byte[0] : body(request);
            answer = endpoints.handle(new ApiRequest(method, request.getPathInfo(), request.getQueryString(),
                    request.getHeader("Accept"), body));
        } catch (ApiException refusal) {
            answer = ApiResponse.error(refusal);
        }
        response.setStatus(answer.status());
        response.setHeader("Content-Type", answer.contentType());
        response.setHeader("Cache-Control", "no-store");
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        response.setContentLength(answer.body().length);
        if (!"HEAD".equals(method)) {
            response.getOutputStream().write(answer.body());
        }
    }

    /**
     * Reads the body, at most {@value #MAX_BODY_BYTES} bytes.
     *
     * @throws ApiException 413 if the body is larger; a body of up to
     *         {@value #DRAIN_LIMIT_BYTES} bytes is read to its end first, so that a
     *         client still sending it gets the 413 rather than a broken connection
     */
    private static byte[] body(HttpServletRequest request) throws IOException, ApiException {
        long declared = request.getContentLengthLong();
        try (InputStream in = request.getInputStream()) {
            if (declared > MAX_BODY_BYTES) {
                if (declared <= DRAIN_LIMIT_BYTES) {
                    drain(in);
                }
                throw tooLarge();
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge();
            }
            return body;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = DRAIN_LIMIT_BYTES;
        for (int read = 0; left > 0 && read >= 0; read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) {
            left -= read;
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "the request body is larger than " + MAX_BODY_BYTES / 1024
                + " KiB; CSRs and certificate chains are a few KiB, send only those");
    }
}
