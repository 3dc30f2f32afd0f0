package network.internet2.hypermesh.assets.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.vm.VmAccess;
import network.internet2.management.rest.support.FakeHttp;
import network.internet2.management.rest.support.JaasBasicAuthenticator;

/** The servlet as wired for the assets: 28 MiB bodies, {@code {"error"}} refusals, admins for POST and DELETE. */
public class AssetRestServletTest {

    record RolePrincipal(String getName) implements Principal {
    }

    private final FakeRegistry registry = new FakeRegistry();
    private final FakeVm vm = new FakeVm();

    private AssetRestServlet open() {
        return new AssetRestServlet(registry, () -> vm, null);
    }

    private AssetRestServlet authenticating(String role) {
        return new AssetRestServlet(registry, () -> vm, new JaasBasicAuthenticator(
                AssetRestServlet.AUTHENTICATION_REASON, (user, password) -> Set.of(new RolePrincipal(role))));
    }

    private static String error(FakeHttp.Response response) throws Exception {
        return new ObjectMapper().readTree(response.body()).path("error").asText();
    }

    @Test
    public void theSeedsVerificationRequestIsAnsweredWithAClearRefusal() throws Exception {
        FakeHttp.Response response = FakeHttp.send(open()::service, new FakeHttp.Request("POST", "/allocate")
                .body("{\"asset_id\":\"test\",\"amount\":1}"));
        assertEquals(422, response.status());
        assertEquals("application/json;charset=UTF-8", response.header("Content-Type"));
        assertTrue(error(response), error(response).contains("asset_id names the asset kind"));
    }

    @Test
    public void allocatesAndReleasesOverHttp() throws Exception {
        AssetRestServlet servlet = open();
        FakeHttp.Response allocated = FakeHttp.send(servlet::service, new FakeHttp.Request("POST", "/allocate")
                .body("{\"asset_id\":\"memory\",\"amount\":1}"));
        assertEquals(201, allocated.status());
        assertEquals("/assets/allocations/a1", allocated.header("Location"));
        assertEquals("no-store", allocated.header("Cache-Control"));
        FakeHttp.Response released = FakeHttp.send(servlet::service, new FakeHttp.Request("DELETE", "/allocations/a1"));
        assertEquals(204, released.status());
        assertEquals(0, released.body().length);
        assertEquals(Integer.valueOf(0), released.contentLength());
    }

    @Test
    public void headAnswersWithoutABody() throws Exception {
        FakeHttp.Response response = FakeHttp.send(open()::service, new FakeHttp.Request("HEAD", null));
        assertEquals(200, response.status());
        assertEquals(0, response.body().length);
        assertTrue(response.contentLength() > 0);
    }

    @Test
    public void postAndDeleteNeedAnAdminWhenAuthenticationIsOn() throws Exception {
        registry.granted("memory", 1);
        AssetRestServlet servlet = authenticating("viewer");
        FakeHttp.Request[] mutating = {
            new FakeHttp.Request("POST", "/allocate").body("{\"kind\":\"memory\",\"amount\":1}"),
            new FakeHttp.Request("DELETE", "/allocations/a1"),
            new FakeHttp.Request("POST", "/allocations/a1/renew").body("{}"),
            new FakeHttp.Request("POST", "/allocations/a1/exec").body("{}"),
        };
        for (FakeHttp.Request request : mutating) {
            FakeHttp.Response anonymous = FakeHttp.send(servlet::service, request);
            assertEquals(request.toString(), 401, anonymous.status());
            assertEquals("Basic realm=\"karaf\"", anonymous.header("WWW-Authenticate"));
            assertTrue(error(anonymous), error(anonymous).startsWith("this request changes or uses the node's assets: "
                    + "send HTTP Basic"));
        }
        FakeHttp.Response viewer = FakeHttp.send(servlet::service, new FakeHttp.Request("DELETE", "/allocations/a1")
                .header("Authorization", FakeHttp.basic("bob", "pw")));
        assertEquals(403, viewer.status());
        assertEquals(List.of(), registry.calls);

        assertEquals(200, FakeHttp.send(servlet::service, new FakeHttp.Request("GET", null)).status());
        assertEquals(200, FakeHttp.send(servlet::service, new FakeHttp.Request("GET", "/allocations")).status());
        assertEquals(200, FakeHttp.send(servlet::service, new FakeHttp.Request("GET", "/allocations/a1")).status());
    }

    @Test
    public void anAdminMayAllocate() throws Exception {
        FakeHttp.Response response = FakeHttp.send(authenticating("admin")::service,
                new FakeHttp.Request("POST", "/allocate").header("Authorization", FakeHttp.basic("karaf", "karaf"))
                        .body("{\"kind\":\"memory\",\"amount\":1}"));
        assertEquals(201, response.status());
        assertEquals(List.of("allocate memory 1 3600 " + Allocation.LOCAL_OPERATOR), registry.calls);
    }

    @Test
    public void aModuleOf16MiBWith4MiBOfStdinFitsInTheBody() throws Exception {
        Allocation machine = registry.granted("vm", 1 << 20);
        byte[] module = new byte[VmAccess.MAX_MODULE_BYTES];
        module[0] = 0x00;
        module[1] = 0x61;
        String body = "{\"module\": \"" + Base64.getEncoder().encodeToString(module) + "\", \"stdin\": \""
                + Base64.getEncoder().encodeToString(new byte[4 * 1024 * 1024]) + "\"}";
        FakeHttp.Response response = FakeHttp.send(open()::service,
                new FakeHttp.Request("POST", "/allocations/" + machine.id() + "/exec").body(body));
        assertEquals(response.text(), 200, response.status());
        assertEquals(VmAccess.MAX_MODULE_BYTES, vm.lastRequest.module().length);
        assertEquals(4 * 1024 * 1024, vm.lastRequest.stdin().length);
    }

    @Test
    public void aBodyOver28MiBIsRefusedWith413() throws Exception {
        FakeHttp.Request request = new FakeHttp.Request("POST", "/allocations/a1/exec")
                .body(new byte[AssetRestServlet.MAX_BODY_BYTES + 1]);
        FakeHttp.Response response = FakeHttp.send(open()::service, request);
        assertEquals(413, response.status());
        assertTrue(error(response), error(response).startsWith("the request body is larger than 28 MiB; an exec body "
                + "holds a module of at most 16 MiB and stdin of up to about 4 MiB, both in base64"));
        assertEquals("drained so that the client reads the answer", AssetRestServlet.MAX_BODY_BYTES + 1,
                request.bytesRead());
        assertEquals(null, vm.lastRequest);
    }
}
