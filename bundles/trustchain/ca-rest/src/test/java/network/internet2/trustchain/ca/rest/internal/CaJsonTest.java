package network.internet2.trustchain.ca.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.management.rest.support.ApiException;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;
import network.internet2.trustchain.ca.ValidationResult;
import network.internet2.trustchain.ca.ValidationResult.Check;

public class CaJsonTest {

    private static JsonNode parse(byte[] json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void rendersAnErrorAsOneField() throws Exception {
        JsonNode error = parse(CaJson.error("name \"x\" is outside the zone"));
        assertEquals("name \"x\" is outside the zone", error.path("error").asText());
        assertEquals(1, error.size());
    }

    @Test
    public void rendersACertificateWithoutRevocationFieldsWhileValid() throws Exception {
        BigInteger serial = new BigInteger("5f3a9c", 16);
        X509Certificate certificate = Fixtures.certificate("node9.internet2.network", serial, false);
        JsonNode json = parse(CaJson.certificate(new IssuedCertificate(serial, certificate, List.of(), null, null)));
        assertEquals("5f3a9c", json.path("serial").asText());
        assertEquals("CN=node9.internet2.network", json.path("subject").asText());
        assertEquals(certificate.getNotBefore().toInstant(), Instant.parse(json.path("not_before").asText()));
        assertEquals(certificate.getNotAfter().toInstant(), Instant.parse(json.path("not_after").asText()));
        assertFalse(json.path("revoked").asBoolean(true));
        assertFalse(json.has("revocation_reason"));
        assertFalse(json.has("revoked_at"));
        assertEquals(List.of(certificate), Pem.chain(bytes(json.path("certificate").asText())));
    }

    @Test
    public void rendersARevokedCertificateWithReasonAndTime() throws Exception {
        X509Certificate certificate = Fixtures.certificate("node9.internet2.network", BigInteger.TEN, false);
        Instant at = Instant.parse("2026-11-24T10:15:30Z");
        JsonNode json = parse(CaJson.certificate(new IssuedCertificate(BigInteger.TEN, certificate, List.of(), at,
                RevocationReason.KEY_COMPROMISE)));
        assertTrue(json.path("revoked").asBoolean());
        assertEquals("keyCompromise", json.path("revocation_reason").asText());
        assertEquals("2026-11-24T10:15:30Z", json.path("revoked_at").asText());
    }

    @Test
    public void rendersAnIssuedCertificateWithItsChain() throws Exception {
        X509Certificate leaf = Fixtures.certificate("node9.internet2.network", BigInteger.TEN, false);
        X509Certificate intermediate = Fixtures.certificate("intermediate", BigInteger.TWO, true);
        X509Certificate root = Fixtures.certificate("root", BigInteger.ONE, true);
        JsonNode json = parse(CaJson.issued(new IssuedCertificate(BigInteger.TEN, leaf, List.of(intermediate, root),
                null, null)));
        assertEquals("a", json.path("serial").asText());
        assertEquals(List.of(leaf), Pem.chain(bytes(json.path("certificate").asText())));
        assertEquals(List.of(intermediate, root), Pem.chain(bytes(json.path("chain").asText())));
    }

    @Test
    public void rendersEveryCheckOfAValidation() throws Exception {
        JsonNode json = parse(CaJson.validation(new ValidationResult(List.of(new Check("chain.anchor", true, "trusted"),
                new Check("leaf.revocation", false, "revoked: KEY_COMPROMISE")))));
        assertFalse(json.path("valid").asBoolean(true));
        assertEquals(2, json.path("checks").size());
        JsonNode second = json.path("checks").get(1);
        assertEquals("leaf.revocation", second.path("name").asText());
        assertFalse(second.path("passed").asBoolean(true));
        assertEquals("revoked: KEY_COMPROMISE", second.path("detail").asText());
        assertTrue(parse(CaJson.validation(new ValidationResult(List.of(new Check("a", true, "ok")))))
                .path("valid").asBoolean());
    }

    @Test
    public void readsTheRevocationReasonInAnyAcceptedSpelling() throws Exception {
        assertEquals(RevocationReason.KEY_COMPROMISE, CaJson.revocationReason(bytes("{\"reason\": \"keyCompromise\"}")));
        assertEquals(RevocationReason.KEY_COMPROMISE, CaJson.revocationReason(bytes("{\"reason\": \"key-compromise\"}")));
        assertEquals(RevocationReason.SUPERSEDED, CaJson.revocationReason(bytes("{\"reason\": 4}")));
    }

    @Test
    public void aMissingReasonIsUnspecified() throws Exception {
        assertEquals(RevocationReason.UNSPECIFIED, CaJson.revocationReason(new byte[0]));
        assertEquals(RevocationReason.UNSPECIFIED, CaJson.revocationReason(bytes("  \n")));
        assertEquals(RevocationReason.UNSPECIFIED, CaJson.revocationReason(bytes("{}")));
        assertEquals(RevocationReason.UNSPECIFIED, CaJson.revocationReason(bytes("{\"reason\": null}")));
    }

    @Test
    public void refusesBadRevocationBodies() {
        for (String body : new String[] {"{\"reason\": \"bored\"}", "not json", "{\"reason\": \"keyCompromise\"} x",
                "[\"keyCompromise\"]", "{\"reason\": {\"code\": 1}}", "{\"reason\": true}",
                "{\"reason\": \"a\", \"reason\": \"b\"}", "{\"reason\": "}) {
            ApiException refusal = assertThrows(body, ApiException.class, () -> CaJson.revocationReason(bytes(body)));
            assertEquals(body, 400, refusal.status());
        }
        ApiException unknown = assertThrows(ApiException.class,
                () -> CaJson.revocationReason(bytes("{\"reason\": \"bored\"}")));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("KEY_COMPROMISE"));
    }

    @Test
    public void namesReasonsAsRfc5280Does() {
        assertEquals("keyCompromise", CaJson.reasonName(RevocationReason.KEY_COMPROMISE));
        assertEquals("unspecified", CaJson.reasonName(RevocationReason.UNSPECIFIED));
        assertEquals("cessationOfOperation", CaJson.reasonName(RevocationReason.CESSATION_OF_OPERATION));
        assertEquals("aaCompromise", CaJson.reasonName(RevocationReason.AA_COMPROMISE));
        for (RevocationReason reason : RevocationReason.values()) {
            assertEquals(reason, RevocationReason.parse(CaJson.reasonName(reason)));
        }
    }
}
