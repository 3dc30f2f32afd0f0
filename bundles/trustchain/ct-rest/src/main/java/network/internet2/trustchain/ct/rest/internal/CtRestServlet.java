package network.internet2.trustchain.ct.rest.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

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
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * {@code /ct/*}: the CT log over HTTP (see the package documentation for the
 * endpoints). This class only wires the shared {@link ServletAdapter}: it
 * authenticates the POSTs when configured to, bounds bodies to 1 MiB, and hands
 * the request to {@link CtEndpoints}.
 *
 * <p>The log reference is static and greedy: the servlet is unregistered when the
 * log goes away, and re-registered on a better-ranked log when one appears.
 */
@Component(service = Servlet.class, configurationPid = CtRestServlet.PID)
@Designate(ocd = CtRestServlet.Config.class)
@HttpWhiteboardServletName("internet2-ct")
@HttpWhiteboardServletPattern(CtRoute.BASE + "/*")
public class CtRestServlet extends HttpServlet {

    static final String PID = "network.internet2.trustchain.ct.rest";

    /** Largest request body accepted: a chain is a few KiB. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    /** A too-large body up to this size is read and dropped before the 413 is sent. */
    static final long DRAIN_LIMIT_BYTES = 2 * 1024 * 1024;

    /** Why the POSTs need credentials, the start of the 401's message. */
    static final String AUTHENTICATION_REASON = "adding to this CT log is reserved to the node's administrators";

    @ObjectClassDefinition(name = "Internet 2.0 TrustChain CT log REST",
            description = "The Certificate Transparency log over HTTP: the RFC 6962 API under /ct/v1/ and the "
                    + "log's entry in Chrome's log list format at /ct/log-list.json.")
    @interface Config {
        @AttributeDefinition(name = "Require authentication",
                description = "add-chain and add-pre-chain need HTTP Basic credentials of a user with role admin "
                        + "in Karaf's JAAS realm 'karaf'; the GETs (the audit API) stay public. Only a "
                        + "development profile should turn this off.")
        boolean require_authentication() default true;

        @AttributeDefinition(name = "Operator name",
                description = "Who operates this log, as /ct/log-list.json publishes it.")
        String operator_name() default "Internet 2.0 node operator";

        @AttributeDefinition(name = "Operator email",
                description = "Where the operator can be reached (at least one address), as /ct/log-list.json "
                        + "publishes it. Set a mailbox that is read.")
        String[] operator_email() default {"ct@internet2.network"};

        @AttributeDefinition(name = "Log description",
                description = "The log's description in /ct/log-list.json; empty means "
                        + "'Internet 2.0 TrustChain CT log at <url>'.")
        String log_description() default "";
    }

    private static final long serialVersionUID = 1L;

    private final transient ServletAdapter adapter;

    @Activate
    public CtRestServlet(@Reference(name = "log", policyOption = ReferencePolicyOption.GREEDY) TransparencyLog log,
            Config config) {
        this(log, config.require_authentication() ? new JaasBasicAuthenticator(AUTHENTICATION_REASON) : null,
                new LogList(new LogList.Publication(config.operator_name(), List.of(config.operator_email()),
                        config.log_description()), Clock.systemUTC()));
    }

    /** @param authenticator checks the POSTs, or {@code null} when authentication is off */
    CtRestServlet(TransparencyLog log, JaasBasicAuthenticator authenticator, LogList logList) {
        this.adapter = new ServletAdapter(new CtEndpoints(log, logList), CtJson.ERRORS, authenticator,
                new BodyLimit(MAX_BODY_BYTES, DRAIN_LIMIT_BYTES, "the request body is larger than 1 MiB; send "
                        + "only {\"chain\": [...]} with the base64 DER certificates of one chain"));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        adapter.service(request, response);
    }
}
