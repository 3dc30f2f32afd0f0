package network.internet2.hypermesh.assets.rest.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.vm.VmAccess;
import network.internet2.management.rest.support.BodyLimit;
import network.internet2.management.rest.support.JaasBasicAuthenticator;
import network.internet2.management.rest.support.ServletAdapter;

/**
 * {@code /assets} and below: the asset registry over HTTP (see the package
 * documentation for the endpoints). This class only wires the shared
 * {@link ServletAdapter}: it authenticates POST and DELETE when configured to,
 * bounds the body to 28 MiB (room for a 16 MiB module and 4 MiB of stdin
 * in base64), and hands the
 * request to {@link AssetEndpoints}.
 *
 * <p>The registry reference is static and greedy: the servlet is unregistered when
 * the registry goes away. The {@link VmAccess} reference is optional and dynamic:
 * exec answers 503 while the {@code asset-vm} feature is not installed.
 */
@Component(service = Servlet.class, configurationPid = AssetRestServlet.PID)
@Designate(ocd = AssetRestServlet.Config.class)
@HttpWhiteboardServletName("internet2-assets")
@HttpWhiteboardServletPattern(Route.BASE + "/*")
public class AssetRestServlet extends HttpServlet {

    static final String PID = "network.internet2.hypermesh.assets.rest";

    /**
     * Largest request body accepted: 28 MiB. The largest module (16 MiB) with 4 MiB of
     * stdin is 20 MiB of binary, about 26.7 MiB in base64, which leaves about 1.3 MiB
     * for the arguments and the JSON around them. Requests other than exec are limited
     * to 64 KiB by {@link AssetEndpoints}.
     */
    static final int MAX_BODY_BYTES = 28 * 1024 * 1024;

    /** A too-large body up to this size is read and dropped before the 413 is sent. */
    static final long DRAIN_LIMIT_BYTES = 40L * 1024 * 1024;

    @ObjectClassDefinition(name = "Internet 2.0 HyperMesh assets REST",
            description = "The asset registry over HTTP under /assets: kinds, allocations, allocate, renew, "
                    + "release, exec in VM allocations.")
    @interface Config {
        @AttributeDefinition(name = "Require authentication",
                description = "POST and DELETE requests (allocate, renew, release, exec) need HTTP Basic credentials "
                        + "of a user with role admin in Karaf's JAAS realm 'karaf'. Only a development profile "
                        + "should turn this off.")
        boolean require_authentication() default true;
    }

    private static final long serialVersionUID = 1L;

    /** Why POST and DELETE need credentials, the start of the 401's message. */
    static final String AUTHENTICATION_REASON = "this request changes or uses the node's assets";

    private final transient ServletAdapter adapter;

    /** The VM service of the asset-vm feature, while it is installed. */
    private final transient AtomicReference<VmAccess> vm = new AtomicReference<>();

    @Activate
    public AssetRestServlet(
            @Reference(name = "registry", policyOption = ReferencePolicyOption.GREEDY) AssetRegistry registry,
            Config config) {
        this.adapter = adapter(registry, vm::get,
                config.require_authentication() ? new JaasBasicAuthenticator(AUTHENTICATION_REASON) : null);
    }

    /**
     * @param vm            the VM service, or {@code null} from the supplier while there is none
     * @param authenticator checks POST and DELETE, or {@code null} when authentication is off
     */
    AssetRestServlet(AssetRegistry registry, Supplier<VmAccess> vm, JaasBasicAuthenticator authenticator) {
        this.adapter = adapter(registry, vm, authenticator);
    }

    private static ServletAdapter adapter(AssetRegistry registry, Supplier<VmAccess> vm,
            JaasBasicAuthenticator authenticator) {
        return new ServletAdapter(new AssetEndpoints(registry, vm), AssetJson.ERRORS, authenticator,
                new BodyLimit(MAX_BODY_BYTES, DRAIN_LIMIT_BYTES, "the request body is larger than "
                        + MAX_BODY_BYTES / (1024 * 1024) + " MiB; an exec body holds a module of at most "
                        + VmAccess.MAX_MODULE_BYTES / (1024 * 1024) + " MiB and stdin of up to about 4 MiB, "
                        + "both in base64, other requests a few bytes"));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setVm(VmAccess access) {
        vm.set(access);
    }

    void unsetVm(VmAccess access) {
        vm.compareAndSet(access, null);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        adapter.service(request, response);
    }
}
