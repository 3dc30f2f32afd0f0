package network.internet2.management.rest.support;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * HTTP Basic authentication against a Karaf JAAS realm: the caller must log in
 * and hold the role {@code admin} (a principal whose class is Karaf's
 * {@code RolePrincipal}, recognised by name so that no Karaf package is imported).
 *
 * <p>The JAAS login runs with this class's class loader as the thread context
 * class loader: as this package is embedded privately in each REST bundle, that is
 * the embedding bundle's loader.
 */
public final class JaasBasicAuthenticator {

    /** Karaf's JAAS realm, the one {@code etc/users.properties} feeds. */
    public static final String REALM = "karaf";
    /** The role a caller needs. */
    public static final String ROLE = "admin";

    /** Logs a user in and returns the principals of the authenticated subject. */
    @FunctionalInterface
    public interface Login {
        Set<Principal> principals(String user, char[] password) throws LoginException;
    }

    /**
     * Basic credentials.
     *
     * @param user     the user name
     * @param password the password (wiped after use)
     */
    record Credentials(String user, char[] password) {
    }

    private final String reason;
    private final Login login;

    /**
     * Authenticates against Karaf's JAAS realm {@value #REALM}.
     *
     * @param reason why credentials are needed, the start of the message a caller
     *               without them gets, such as {@code this request changes or uses the CA}
     */
    public JaasBasicAuthenticator(String reason) {
        this(reason, JaasBasicAuthenticator::jaasLogin);
    }

    /**
     * @param reason why credentials are needed (see {@link #JaasBasicAuthenticator(String)})
     * @param login  how users log in (tests pass their own)
     */
    public JaasBasicAuthenticator(String reason, Login login) {
        this.reason = reason;
        this.login = login;
    }

    /**
     * Lets the request through or refuses it.
     *
     * @param authorization the {@code Authorization} header, or {@code null}
     * @throws ApiException 401 (with {@code WWW-Authenticate}) without valid credentials,
     *         403 for a user without the admin role
     */
    public void authorize(String authorization) throws ApiException {
        Credentials credentials = parse(authorization).orElseThrow(() -> unauthorized(
                reason + ": send HTTP Basic credentials of a user with role " + ROLE
                        + " in Karaf's realm '" + REALM + "' (etc/users.properties)"));
        Set<Principal> principals;
        try {
            principals = login.principals(credentials.user(), credentials.password());
        } catch (LoginException e) {
            throw unauthorized("login as '" + credentials.user() + "' failed: wrong user name or password for realm '"
                    + REALM + "'");
        } finally {
            Arrays.fill(credentials.password(), '\0');
        }
        if (!hasRole(principals, ROLE)) {
            throw new ApiException(403, "user '" + credentials.user() + "' is authenticated but does not have the role "
                    + ROLE + "; give it that role in etc/users.properties (e.g. via group admingroup)");
        }
    }

    /**
     * Parses an {@code Authorization: Basic base64(user:password)} header.
     *
     * @return the credentials, or empty if the header is absent, of another scheme or malformed
     */
    static Optional<Credentials> parse(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.trim();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(space + 1).trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        char[] text;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded));
            text = new char[chars.remaining()];
            chars.get(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
        int colon = -1;
        for (int i = 0; i < text.length && colon < 0; i++) {
            if (text[i] == ':') {
                colon = i;
            }
        }
        if (colon <= 0) {
            Arrays.fill(text, '\0');
            return Optional.empty();
        }
        Credentials credentials = new Credentials(new String(text, 0, colon),
                Arrays.copyOfRange(text, colon + 1, text.length));
        Arrays.fill(text, '\0');
        return Optional.of(credentials);
    }

    /** @return whether one of the principals is a Karaf {@code RolePrincipal} named {@code role} */
    static boolean hasRole(Set<Principal> principals, String role) {
        return principals.stream().anyMatch(principal -> principal.getClass().getName().endsWith("RolePrincipal")
                && role.equals(principal.getName()));
    }

    /**
     * Logs in through JAAS. {@link LoginContext} loads the realm's login module
     * through the thread context class loader, which inside a servlet is the HTTP
     * service's; it is set to this bundle's class loader for the login.
     */
    private static Set<Principal> jaasLogin(String user, char[] password) throws LoginException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JaasBasicAuthenticator.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(REALM, callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback, "only user name and password are known");
                    }
                }
            });
            context.login();
            // copied before logout, which removes the principals from the subject
            Set<Principal> principals = Set.copyOf(context.getSubject().getPrincipals());
            context.logout();
            return principals;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, message, Map.of("WWW-Authenticate", "Basic realm=\"" + REALM + "\""));
    }
}
