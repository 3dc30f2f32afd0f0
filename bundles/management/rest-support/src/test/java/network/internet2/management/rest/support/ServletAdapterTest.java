package network.internet2.management.rest.support;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.login.FailedLoginException;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class ServletAdapterTest {

    record RolePrincipal(String getName) implements Principal {
    }

    private static final ErrorFormat ERRORS = message -> Map.of("problem", message);
    private static final BodyLimit LIMIT = new BodyLimit(16, 64, "the body is larger than 16 bytes");

    private final List<ApiRequest> handled = new ArrayList<>();
    private final ApiHandler echo = request -> {
        handled.add(request);
        return new ApiResponse(201, "text/plain", request.body(), Map.of("Location", "/x/1"));
    };

    private static JsonNode json(FakeHttp.Response response) throws Exception {
        assertEquals(ApiResponse.JSON, response.header("Content-Type"));
        return new ObjectMapper().readTree(response.body());
    }

    private static JaasBasicAuthenticator admins() {
        return new JaasBasicAuthenticator("this request changes things", (user, password) -> {
            if (!"secret".equals(new String(password))) {
                throw new FailedLoginException("wrong");
            }
            return "karaf".equals(user) ? Set.of(new RolePrincipal("admin")) : Set.of(new RolePrincipal("viewer"));
        });
    }

    @Test
    public void handsTheRequestOnAndWritesTheAnswer() throws Exception {
        ServletAdapter adapter = new ServletAdapter(echo, ERRORS, null, LIMIT);
        FakeHttp.Response response = FakeHttp.send(adapter::service,
                new FakeHttp.Request("POST", "/things").query("a=1").header("Accept", "text/plain").body("hello"));
        assertEquals(201, response.status());
        assertEquals("hello", response.text());
        assertEquals("text/plain", response.header("Content-Type"));
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("/x/1", response.header("Location"));
        assertEquals(Integer.valueOf(5), response.contentLength());
        ApiRequest request = handled.get(0);
        assertEquals("POST", request.method());
        assertEquals("/things", request.path());
        assertEquals("a=1", request.query());
        assertEquals("text/plain", request.accept());
        assertFalse(adapter.authenticates());
    }

    @Test
    public void readsNoBodyForReadsAndWritesNoneForHead() throws Exception {
        ServletAdapter adapter = new ServletAdapter(echo, ERRORS, null, LIMIT);
        FakeHttp.Request get = new FakeHttp.Request("GET", "/things").body("ignored");
        FakeHttp.send(adapter::service, get);
        assertEquals(0, get.bytesRead());
        assertArrayEquals(new byte[0], handled.get(0).body());
        ApiHandler fixed = request -> ApiResponse.json(200, "{}".getBytes());
        FakeHttp.Response head = FakeHttp.send(new ServletAdapter(fixed, ERRORS, null, LIMIT)::service,
                new FakeHttp.Request("HEAD", "/things"));
        assertEquals(200, head.status());
        assertEquals(Integer.valueOf(2), head.contentLength());
        assertEquals("", head.text());
    }

    @Test
    public void aBodyOverTheLimitIsRefusedWith413InTheInterfacesFormat() throws Exception {
        ServletAdapter adapter = new ServletAdapter(echo, ERRORS, null, LIMIT);
        FakeHttp.Response declared = FakeHttp.send(adapter::service,
                new FakeHttp.Request("POST", "/things").body("x".repeat(17)));
        assertEquals(413, declared.status());
        assertEquals("the body is larger than 16 bytes", json(declared).path("problem").asText());
        FakeHttp.Response chunked = FakeHttp.send(adapter::service,
                new FakeHttp.Request("POST", "/things").chunked().body("x".repeat(40)));
        assertEquals(413, chunked.status());
        assertTrue(handled.isEmpty());
        assertEquals(200, FakeHttp.send(new ServletAdapter(r -> ApiResponse.json(200, new byte[0]), ERRORS, null,
                LIMIT)::service, new FakeHttp.Request("POST", "/things").body("x".repeat(16))).status());
    }

    @Test
    public void aTooLargeBodyIsDrainedUpToTheDrainLimitOnly() throws Exception {
        ServletAdapter adapter = new ServletAdapter(echo, ERRORS, null, LIMIT);
        FakeHttp.Request small = new FakeHttp.Request("POST", "/things").body("x".repeat(60));
        assertEquals(413, FakeHttp.send(adapter::service, small).status());
        assertEquals(60, small.bytesRead());
        FakeHttp.Request huge = new FakeHttp.Request("POST", "/things").body("x".repeat(1000));
        assertEquals(413, FakeHttp.send(adapter::service, huge).status());
        assertEquals(0, huge.bytesRead());
    }

    @Test
    public void requestsThatAreNotReadsNeedAnAdminWhenAuthenticating() throws Exception {
        ServletAdapter adapter = new ServletAdapter(echo, ERRORS, admins(), LIMIT);
        assertTrue(adapter.authenticates());
        FakeHttp.Response anonymous = FakeHttp.send(adapter::service,
                new FakeHttp.Request("POST", "/things").body("hi"));
        assertEquals(401, anonymous.status());
        assertEquals("Basic realm=\"karaf\"", anonymous.header("WWW-Authenticate"));
        assertTrue(json(anonymous).path("problem").asText().startsWith("this request changes things: "));
        FakeHttp.Response wrong = FakeHttp.send(adapter::service, new FakeHttp.Request("POST", "/things")
                .header("Authorization", FakeHttp.basic("karaf", "nope")).body("hi"));
        assertEquals(401, wrong.status());
        FakeHttp.Response viewer = FakeHttp.send(adapter::service, new FakeHttp.Request("PUT", "/things")
                .header("Authorization", FakeHttp.basic("bob", "secret")).body("hi"));
        assertEquals(403, viewer.status());
        assertTrue(handled.isEmpty());
        FakeHttp.Response admin = FakeHttp.send(adapter::service, new FakeHttp.Request("POST", "/things")
                .header("Authorization", FakeHttp.basic("karaf", "secret")).body("hi"));
        assertEquals(201, admin.status());
        assertEquals(200, FakeHttp.send(new ServletAdapter(r -> ApiResponse.json(200, new byte[0]), ERRORS, admins(),
                LIMIT)::service, new FakeHttp.Request("GET", "/things")).status());
    }

    @Test
    public void credentialsAreCheckedBeforeTheBodyIsRead() throws Exception {
        ServletAdapter adapter = new ServletAdapter(echo, ERRORS, admins(), LIMIT);
        FakeHttp.Request anonymous = new FakeHttp.Request("POST", "/things").body("x".repeat(60));
        assertEquals(401, FakeHttp.send(adapter::service, anonymous).status());
        assertEquals(0, anonymous.bytesRead());
    }

    @Test
    public void anErrorFormatWritesStatusHeadersAndBody() throws Exception {
        ApiResponse answer = ERRORS.answer(new ApiException(405, "use GET", Map.of("Allow", "GET, HEAD")));
        assertEquals(405, answer.status());
        assertEquals("GET, HEAD", answer.headers().get("Allow"));
        assertEquals("use GET", new ObjectMapper().readTree(answer.body()).path("problem").asText());
        assertEquals("unknown error", new ObjectMapper().readTree(ERRORS.answer(new ApiException(500, null)).body())
                .path("problem").asText());
        assertNull(ERRORS.answer(ApiException.notFound("gone")).headers().get("Allow"));
        assertEquals(404, ERRORS.answer(ApiException.notFound("gone")).status());
    }

    @Test
    public void quotesOfCallerInputAreShort() {
        assertEquals("abc", ApiException.abbreviate("abc"));
        assertEquals("a".repeat(80) + "…", ApiException.abbreviate("a".repeat(81)));
    }
}
