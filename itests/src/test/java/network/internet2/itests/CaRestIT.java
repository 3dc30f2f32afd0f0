package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivilegedExceptionAction;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import network.internet2.trustchain.ca.CertificateAuthority;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CA over HTTP ({@code /trustchain/ca}) in the distribution as it boots
 * (development profile: requests other than GET need no login), with requests
 * a client really sends: CSRs built with BouncyCastle, chains and CRLs parsed
 * with the JDK.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CaRestIT extends Internet2TestSupport {

    @Inject
    private CertificateAuthority ca;


    private static final String NAME = "node9.internet2.network";
    private static final String CA = "/trustchain/ca";
    private static final String REST_PID = "network.internet2.trustchain.ca.rest";

    private final ObjectMapper json = new ObjectMapper();

    @Before
    public void caRestAnswers() throws Exception {
        // the CA bootstraps asynchronously at start; the servlet comes with it
        waitUntil(CA + "/root answers", Duration.ofSeconds(60), () -> httpGet(CA + "/root").statusCode() == 200);
        // and the development profile's configuration (no login) is applied: a bad request is judged, not refused
        waitUntil("POST " + CA + "/validate needs no login", Duration.ofSeconds(30),
                () -> post(CA + "/validate", "not a chain", "text/plain").statusCode() == 400);
    }

    @Test
    public void servesTheRootAndTheIssuingChainAsPem() throws Exception {
        HttpResponse<String> response = httpGet(CA + "/root");
        assertEquals(200, response.statusCode());
        assertEquals("application/x-pem-file", response.headers().firstValue("Content-Type").orElse(""));
        X509Certificate root = certificates(response.body()).get(0);
        assertTrue("a CA certificate", root.getBasicConstraints() >= 0);
        assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
        root.verify(root.getPublicKey());

        List<X509Certificate> chain = certificates(httpGet(CA + "/chain").body());
        assertEquals(2, chain.size());
        assertEquals(root, chain.get(1));
        chain.get(0).verify(root.getPublicKey());
    }

    @Test
    public void issuesACertificateThatValidatesForItsName() throws Exception {
        HttpResponse<String> response = post(CA + "/certificates?validity_hours=12", csr(NAME), "application/x-pem-file");
        assertEquals(response.body(), 201, response.statusCode());
        JsonNode issued = json.readTree(response.body());
        String serial = issued.path("serial").asText();
        X509Certificate certificate = certificates(issued.path("certificate").asText()).get(0);
        assertEquals(serial, certificate.getSerialNumber().toString(16));
        assertEquals(CA + "/certificates/" + serial, response.headers().firstValue("Location").orElse(""));
        List<X509Certificate> chain = certificates(issued.path("chain").asText());
        assertEquals(2, chain.size());
        certificate.verify(chain.get(0).getPublicKey());
        assertTrue(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant())
                .compareTo(Duration.ofHours(13)) < 0);

        JsonNode validation = validate(issued.path("certificate").asText() + issued.path("chain").asText(), NAME);
        assertTrue(validation.toString(), validation.path("valid").asBoolean());
        assertTrue(validation.toString(), check(validation, "leaf.name").path("passed").asBoolean());

        HttpResponse<String> found = httpGet(CA + "/certificates/" + serial);
        assertEquals(found.body(), 200, found.statusCode());
        JsonNode described = json.readTree(found.body());
        assertEquals(serial, described.path("serial").asText());
        assertTrue(described.toString(), described.path("subject").asText().contains(NAME));
        assertFalse(described.path("revoked").asBoolean(true));
        assertEquals(certificate, certificates(described.path("certificate").asText()).get(0));
        assertFalse(described.path("not_after").asText().isEmpty());
    }

    @Test
    public void aRevokedCertificateIsInTheCrlAndNoLongerValidates() throws Exception {
        JsonNode issued = json.readTree(post(CA + "/certificates", csr(NAME), "application/x-pem-file").body());
        String serial = issued.path("serial").asText();
        X509Certificate certificate = certificates(issued.path("certificate").asText()).get(0);

        HttpResponse<String> revoked = post(CA + "/certificates/" + serial + "/revoke",
                "{\"reason\": \"keyCompromise\"}", "application/json");
        assertEquals(revoked.body(), 200, revoked.statusCode());
        JsonNode described = json.readTree(revoked.body());
        assertTrue(described.path("revoked").asBoolean());
        assertEquals("keyCompromise", described.path("revocation_reason").asText());
        assertFalse(described.path("revoked_at").asText().isEmpty());

        HttpResponse<byte[]> der = getBytes(CA + "/crl", "*/*");
        assertEquals(200, der.statusCode());
        assertEquals("application/pkix-crl", der.headers().firstValue("Content-Type").orElse(""));
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(der.body()));
        assertTrue("CRL lists " + serial, crl.isRevoked(certificate));

        HttpResponse<byte[]> pem = getBytes(CA + "/crl", "application/x-pem-file");
        String pemText = new String(pem.body(), StandardCharsets.US_ASCII);
        assertTrue(pemText, pemText.startsWith("-----BEGIN X509 CRL-----"));

        JsonNode validation = validate(issued.path("certificate").asText() + issued.path("chain").asText(), NAME);
        assertFalse(validation.toString(), validation.path("valid").asBoolean(true));
        assertFalse(validation.toString(), check(validation, "leaf.revocation").path("passed").asBoolean(true));
    }

    @Test
    public void aGarbageRequestIsRefusedAndChangesNothing() throws Exception {
        JsonNode known = json.readTree(post(CA + "/certificates", csr(NAME), "application/x-pem-file").body());
        int before = issuedCount();

        for (String garbage : new String[] {"garbage",
                "-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgcmVxdWVzdA==\n-----END CERTIFICATE REQUEST-----\n",
                "-----BEGIN CERTIFICATE REQUEST-----\n@@@\n-----END CERTIFICATE REQUEST-----\n"}) {
            HttpResponse<String> refused = post(CA + "/certificates", garbage, "application/x-pem-file");
            assertEquals(refused.body(), 400, refused.statusCode());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertFalse(refused.body(), json.readTree(refused.body()).path("error").asText().isBlank());
        }
        HttpResponse<String> badReason = post(CA + "/certificates/" + known.path("serial").asText() + "/revoke",
                "{\"reason\": \"bored\"}", "application/json");
        assertEquals(badReason.body(), 400, badReason.statusCode());
        HttpResponse<String> badValidity = post(CA + "/certificates?validity_hours=0", csr(NAME),
                "application/x-pem-file");
        assertEquals(badValidity.body(), 400, badValidity.statusCode());
        HttpResponse<String> tooLarge = post(CA + "/certificates", "x".repeat(65 * 1024), "application/x-pem-file");
        assertEquals(tooLarge.body(), 413, tooLarge.statusCode());

        assertEquals(before, issuedCount());
        HttpResponse<String> stillThere = httpGet(CA + "/certificates/" + known.path("serial").asText());
        assertEquals(200, stillThere.statusCode());
        assertFalse(json.readTree(stillThere.body()).path("revoked").asBoolean(true));
    }

    @Test
    public void aRequestForANameOutsideTheZoneIsRefusedNamingTheZone() throws Exception {
        HttpResponse<String> refused = post(CA + "/certificates", csr("www.example.com"), "application/x-pem-file");
        assertEquals(refused.body(), 400, refused.statusCode());
        String error = json.readTree(refused.body()).path("error").asText();
        assertTrue(error, error.contains("zone"));
        assertTrue(error, error.contains("www.example.com"));
    }

    @Test
    public void unknownSerialsAndPathsAreNotFound() throws Exception {
        HttpResponse<String> unknown = httpGet(CA + "/certificates/abcdef0123456789");
        assertEquals(unknown.body(), 404, unknown.statusCode());
        assertTrue(unknown.body(), json.readTree(unknown.body()).path("error").asText().contains("abcdef0123456789"));
        HttpResponse<String> revokeUnknown = post(CA + "/certificates/abcdef0123456789/revoke",
                "{\"reason\": \"keyCompromise\"}", "application/json");
        assertEquals(revokeUnknown.body(), 404, revokeUnknown.statusCode());
        HttpResponse<String> notHex = httpGet(CA + "/certificates/not-a-serial");
        assertEquals(notHex.body(), 400, notHex.statusCode());
        HttpResponse<String> nothing = httpGet(CA + "/nothing-here");
        assertEquals(404, nothing.statusCode());
        assertTrue(nothing.body(), json.readTree(nothing.body()).has("error"));
        HttpResponse<String> wrongMethod = httpGet(CA + "/certificates");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""));
    }

    @Test
    public void requestsOtherThanGetNeedAnAdminLoginWhenConfigured() throws Exception {
        setRequireAuthentication(true);
        try {
            waitUntil("POST needs a login", Duration.ofSeconds(30),
                    () -> post(CA + "/certificates", "garbage", "text/plain").statusCode() == 401);
            HttpResponse<String> anonymous = post(CA + "/certificates", csr(NAME), "application/x-pem-file");
            assertEquals(401, anonymous.statusCode());
            assertEquals("Basic realm=\"karaf\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
            assertFalse(json.readTree(anonymous.body()).path("error").asText().isBlank());
            assertEquals(401, post(CA + "/certificates", csr(NAME), "application/x-pem-file",
                    "Authorization", basic("karaf", "wrong")).statusCode());
            // the development profile's console user is an admin
            HttpResponse<String> admin = post(CA + "/certificates", csr(NAME), "application/x-pem-file",
                    "Authorization", basic("karaf", "karaf"));
            assertEquals(admin.body(), 201, admin.statusCode());
            assertEquals(200, httpGet(CA + "/root").statusCode());
        } finally {
            setRequireAuthentication(false);
            waitUntil("POST needs no login again", Duration.ofSeconds(30),
                    () -> post(CA + "/certificates", "garbage", "text/plain").statusCode() == 400);
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Sets the REST configuration through the shell, as a user with the role
     * {@code manager} that Karaf's command ACL asks of {@code config:property-set},
     * once the config commands are registered.
     */
    private void setRequireAuthentication(boolean required) throws Exception {
        Subject manager = new Subject();
        manager.getPrincipals().add(new RolePrincipal("manager"));
        String command = "config:property-set -p " + REST_PID + " require.authentication " + required;
        waitUntil(command + " succeeds", Duration.ofSeconds(30),
                () -> Subject.doAs(manager, (PrivilegedExceptionAction<Boolean>) () -> {
                    executeCommand(command);
                    return true;
                }));
    }

    /** A PEM PKCS#10 request for {@code name} (CN and DNS SAN) with a fresh EC P-256 key. */
    private static String csr(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + name), key.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())).getEncoded();
        return "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n";
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> certificates(String pem) throws Exception {
        return (List<X509Certificate>) CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private JsonNode validate(String chain, String name) throws Exception {
        HttpResponse<String> response = post(CA + "/validate?name=" + name, chain, "application/x-pem-file");
        assertEquals(response.body(), 200, response.statusCode());
        return json.readTree(response.body());
    }

    private static JsonNode check(JsonNode validation, String name) {
        for (JsonNode check : validation.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + validation);
    }

    /** How many certificates the CA has issued, read from the service. */
    private int issuedCount() {
        return ca.list().size();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static URI uri(String path) {
        return URI.create("http://[::1]:" + System.getProperty(HTTP_PORT_PROPERTY) + path);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** POST on the node's HTTP service over {@code [::1]}; {@code headers} are name, value pairs. */
    private static HttpResponse<String> post(String path, String body, String contentType, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> getBytes(String path, String accept) throws IOException, InterruptedException {
        return client().send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).header("Accept", accept)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
