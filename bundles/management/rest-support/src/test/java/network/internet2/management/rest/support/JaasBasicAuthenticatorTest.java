package network.internet2.management.rest.support;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;

import javax.security.auth.login.FailedLoginException;

import org.junit.Test;

import network.internet2.management.rest.support.JaasBasicAuthenticator.Credentials;

public class JaasBasicAuthenticatorTest {

    private static final String REASON = "this request changes the log";

    /** Named like Karaf's principals: the authenticator recognises them by class name. */
    record RolePrincipal(String getName) implements Principal {
    }

    record GroupPrincipal(String getName) implements Principal {
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void parsesBasicCredentials() {
        Credentials credentials = JaasBasicAuthenticator.parse(basic("karaf:s3cret")).orElseThrow();
        assertEquals("karaf", credentials.user());
        assertArrayEquals("s3cret".toCharArray(), credentials.password());
    }

    @Test
    public void thePasswordMayContainColonsAndTheSchemeAnyCase() {
        Credentials credentials = JaasBasicAuthenticator.parse("basic  " + basic("admin:a:b:ç").substring(6))
                .orElseThrow();
        assertEquals("admin", credentials.user());
        assertArrayEquals("a:b:ç".toCharArray(), credentials.password());
        assertArrayEquals(new char[0], JaasBasicAuthenticator.parse(basic("admin:")).orElseThrow().password());
    }

    @Test
    public void ignoresHeadersThatAreNotBasicCredentials() {
        for (String header : new String[] {null, "", "Basic", "Bearer abc.def", "Basic !!!notbase64",
                basic("no-colon"), basic(":password-without-user"),
                "Basic " + Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xff})}) {
            assertTrue(String.valueOf(header), JaasBasicAuthenticator.parse(header).isEmpty());
        }
    }

    @Test
    public void letsAnAuthenticatedAdminThrough() throws Exception {
        JaasBasicAuthenticator authenticator = new JaasBasicAuthenticator(REASON,
                (user, password) -> Set.of(new GroupPrincipal("admingroup"), new RolePrincipal("admin")));
        authenticator.authorize(basic("karaf:karaf"));
    }

    @Test
    public void refusesMissingCredentialsWithAChallenge() {
        JaasBasicAuthenticator authenticator = new JaasBasicAuthenticator(REASON, (user, password) -> {
            throw new AssertionError("no login without credentials");
        });
        ApiException refusal = assertThrows(ApiException.class, () -> authenticator.authorize(null));
        assertEquals(401, refusal.status());
        assertEquals("Basic realm=\"karaf\"", refusal.headers().get("WWW-Authenticate"));
        assertTrue(refusal.getMessage(), refusal.getMessage().startsWith(REASON + ": send HTTP Basic credentials"));
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("role admin"));
    }

    @Test
    public void refusesAFailedLoginWithAChallengeAndWipesThePassword() {
        char[][] seen = new char[1][];
        JaasBasicAuthenticator authenticator = new JaasBasicAuthenticator(REASON, (user, password) -> {
            seen[0] = password;
            throw new FailedLoginException("bad password");
        });
        ApiException refusal = assertThrows(ApiException.class, () -> authenticator.authorize(basic("karaf:wrong")));
        assertEquals(401, refusal.status());
        assertEquals("Basic realm=\"karaf\"", refusal.headers().get("WWW-Authenticate"));
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("'karaf'"));
        assertArrayEquals(new char[5], seen[0]);
    }

    @Test
    public void forbidsAUserWithoutTheAdminRole() {
        JaasBasicAuthenticator authenticator = new JaasBasicAuthenticator(REASON,
                (user, password) -> Set.of(new RolePrincipal("viewer"), new GroupPrincipal("admin")));
        ApiException refusal = assertThrows(ApiException.class, () -> authenticator.authorize(basic("bob:pw")));
        assertEquals(403, refusal.status());
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("'bob'"));
    }

    @Test
    public void recognisesRolesOnlyFromRolePrincipals() {
        assertTrue(JaasBasicAuthenticator.hasRole(Set.of(new RolePrincipal("admin")), "admin"));
        assertFalse(JaasBasicAuthenticator.hasRole(Set.of(new GroupPrincipal("admin")), "admin"));
        assertFalse(JaasBasicAuthenticator.hasRole(Set.of(new RolePrincipal("Admin")), "admin"));
        assertFalse(JaasBasicAuthenticator.hasRole(Set.of(), "admin"));
    }
}
