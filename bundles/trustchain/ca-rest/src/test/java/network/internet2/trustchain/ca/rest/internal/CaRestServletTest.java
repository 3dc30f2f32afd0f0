package network.internet2.trustchain.ca.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.management.rest.support.FakeHttp;
import network.internet2.management.rest.support.JaasBasicAuthenticator;

/** The servlet as wired for the CA: 64 KiB bodies, {@code {"error"}} refusals, admins for POSTs. */
public class CaRestServletTest {

    record RolePrincipal(String getName) implements Principal {
    }

    private final FakeCa ca;

    public CaRestServletTest() throws Exception {
        ca = new FakeCa();
    }

    private static String error(FakeHttp.Response response) throws Exception {
        return new ObjectMapper().readTree(response.body()).path("error").asText();
    }

    @Test
    public void aBodyOver64KiBIsRefusedWith413() throws Exception {
        CaRestServlet servlet = new CaRestServlet(ca, (JaasBasicAuthenticator) null);
        FakeHttp.Response response = FakeHttp.send(servlet::service,
                new FakeHttp.Request("POST", "/certificates").body("x".repeat(64 * 1024 + 1)));
        assertEquals(413, response.status());
        assertEquals("the request body is larger than 64 KiB; CSRs and certificate chains are a few KiB, send only "
                + "those", error(response));
        assertEquals(List.of(), ca.calls);
    }

    @Test
    public void postsNeedAnAdminWhenAuthenticationIsOn() throws Exception {
        CaRestServlet servlet = new CaRestServlet(ca, new JaasBasicAuthenticator(CaRestServlet.AUTHENTICATION_REASON,
                (user, password) -> Set.of(new RolePrincipal("viewer"))));
        FakeHttp.Response anonymous = FakeHttp.send(servlet::service,
                new FakeHttp.Request("POST", "/validate").body("x"));
        assertEquals(401, anonymous.status());
        assertTrue(error(anonymous), error(anonymous).startsWith("this request changes or uses the CA: send HTTP Basic"));
        FakeHttp.Response viewer = FakeHttp.send(servlet::service, new FakeHttp.Request("POST", "/validate")
                .header("Authorization", FakeHttp.basic("bob", "pw")).body("x"));
        assertEquals(403, viewer.status());
        assertEquals(List.of(), ca.calls);
        FakeHttp.Response root = FakeHttp.send(servlet::service, new FakeHttp.Request("GET", "/root"));
        assertEquals(200, root.status());
        assertEquals("application/x-pem-file", root.header("Content-Type"));
        assertEquals("no-store", root.header("Cache-Control"));
    }
}
