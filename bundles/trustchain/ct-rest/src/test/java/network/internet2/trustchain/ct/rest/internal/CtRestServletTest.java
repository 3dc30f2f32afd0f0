package network.internet2.trustchain.ct.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.security.auth.login.FailedLoginException;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.management.rest.support.FakeHttp;
import network.internet2.management.rest.support.JaasBasicAuthenticator;

/** The servlet as wired for the log: 1 MiB bodies, RFC-style refusals, admins for the POSTs only. */
public class CtRestServletTest {

    record RolePrincipal(String getName) implements Principal {
    }

    private final FakeLog log;
    private final String chain;

    public CtRestServletTest() throws Exception {
        log = new FakeLog();
        X509Certificate leaf = Fixtures.certificate("node9.internet2.network", 7, false);
        chain = "{\"chain\": [\"" + Base64.getEncoder().encodeToString(leaf.getEncoded()) + "\", \""
                + Base64.getEncoder().encodeToString(log.root.getEncoded()) + "\"]}";
    }

    private static LogList logList() {
        return new LogList(new LogList.Publication("operator", List.of("ct@internet2.network"), ""),
                Clock.systemUTC());
    }

    private CtRestServlet servlet(JaasBasicAuthenticator authenticator) {
        return new CtRestServlet(log, authenticator, logList());
    }

    private static JaasBasicAuthenticator admins() {
        return new JaasBasicAuthenticator(CtRestServlet.AUTHENTICATION_REASON, (user, password) -> {
            if (!"secret".equals(new String(password))) {
                throw new FailedLoginException("wrong password");
            }
            return Set.of(new RolePrincipal("karaf".equals(user) ? "admin" : "viewer"));
        });
    }

    private static JsonNode json(FakeHttp.Response response) throws Exception {
        assertEquals("application/json;charset=UTF-8", response.header("Content-Type"));
        return new ObjectMapper().readTree(response.body());
    }

    private static void assertRefused(int status, FakeHttp.Response response) throws Exception {
        assertEquals(response.text(), status, response.status());
        JsonNode error = json(response);
        assertFalse(error.path("success").asBoolean(true));
        assertTrue(response.text(), error.path("error_message").asText().length() > 10);
    }

    private static Config config(boolean requireAuthentication) {
        return new Config(requireAuthentication);
    }

    /** The component's configuration, as DS would hand it over. */
    private record Config(boolean requireAuthentication) implements CtRestServlet.Config {
        @Override
        public boolean require_authentication() {
            return requireAuthentication;
        }

        @Override
        public String operator_name() {
            return "Internet 2.0 node operator";
        }

        @Override
        public String[] operator_email() {
            return new String[] {"ct@internet2.network"};
        }

        @Override
        public String log_description() {
            return "";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return CtRestServlet.Config.class;
        }
    }

    @Test
    public void aBodyOver1MiBIsRefusedWith413AndNeverReachesTheLog() throws Exception {
        CtRestServlet servlet = servlet(null);
        byte[] huge = new byte[1024 * 1024 + 1];
        assertRefused(413, FakeHttp.send(servlet::service, new FakeHttp.Request("POST", "/v1/add-chain").body(huge)));
        assertRefused(413, FakeHttp.send(servlet::service,
                new FakeHttp.Request("POST", "/v1/add-pre-chain").chunked().body(huge)));
        assertEquals(List.of(), log.calls);
        assertEquals(200, FakeHttp.send(servlet::service,
                new FakeHttp.Request("POST", "/v1/add-chain").body(chain)).status());
    }

    @Test
    public void answersJsonThatIsNotCached() throws Exception {
        FakeHttp.Response response = FakeHttp.send(servlet(admins())::service, new FakeHttp.Request("GET", "/v1/get-sth"));
        assertEquals(200, response.status());
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals(3, json(response).path("tree_size").asLong());
    }

    @Test
    public void postsNeedAnAdminWhenAuthenticationIsOn() throws Exception {
        CtRestServlet servlet = servlet(admins());
        FakeHttp.Response anonymous = FakeHttp.send(servlet::service,
                new FakeHttp.Request("POST", "/v1/add-chain").body(chain));
        assertRefused(401, anonymous);
        assertEquals("Basic realm=\"karaf\"", anonymous.header("WWW-Authenticate"));
        assertTrue(anonymous.text(), json(anonymous).path("error_message").asText()
                .startsWith(CtRestServlet.AUTHENTICATION_REASON + ": send HTTP Basic credentials"));
        assertRefused(401, FakeHttp.send(servlet::service, new FakeHttp.Request("POST", "/v1/add-pre-chain")
                .header("Authorization", FakeHttp.basic("karaf", "wrong")).body(chain)));
        assertRefused(403, FakeHttp.send(servlet::service, new FakeHttp.Request("POST", "/v1/add-chain")
                .header("Authorization", FakeHttp.basic("bob", "secret")).body(chain)));
        assertEquals(List.of(), log.calls);
        FakeHttp.Response admin = FakeHttp.send(servlet::service, new FakeHttp.Request("POST", "/v1/add-chain")
                .header("Authorization", FakeHttp.basic("karaf", "secret")).body(chain));
        assertEquals(admin.text(), 200, admin.status());
        assertEquals(List.of("addChain"), log.calls);
    }

    @Test
    public void theAuditApiStaysPublic() throws Exception {
        CtRestServlet servlet = servlet(admins());
        for (String path : new String[] {"/v1/get-sth", "/v1/get-roots", "/log-list.json"}) {
            assertEquals(path, 200, FakeHttp.send(servlet::service, new FakeHttp.Request("GET", path)).status());
        }
        assertEquals(200, FakeHttp.send(servlet::service,
                new FakeHttp.Request("GET", "/v1/get-entries").query("start=0&end=1")).status());
    }

    @Test
    public void authenticationIsOnUnlessTheConfigurationTurnsItOff() throws Exception {
        CtRestServlet secured = new CtRestServlet(log, config(true));
        assertRefused(401, FakeHttp.send(secured::service, new FakeHttp.Request("POST", "/v1/add-chain").body(chain)));
        assertEquals(List.of(), log.calls);
        CtRestServlet open = new CtRestServlet(log, config(false));
        assertEquals(200, FakeHttp.send(open::service, new FakeHttp.Request("POST", "/v1/add-chain").body(chain))
                .status());
        assertEquals(List.of("addChain"), log.calls);
    }

    @Test
    public void headAnswersWithoutABody() throws Exception {
        FakeHttp.Response head = FakeHttp.send(servlet(null)::service, new FakeHttp.Request("HEAD", "/v1/get-sth"));
        assertEquals(200, head.status());
        assertTrue(head.contentLength() > 0);
        assertEquals("", head.text());
    }
}
