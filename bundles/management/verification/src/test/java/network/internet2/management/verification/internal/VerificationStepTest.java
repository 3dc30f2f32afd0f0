package network.internet2.management.verification.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.management.rest.support.Json;
import network.internet2.stoq.HandshakeStep;

/** How steps and reports read in JSON. */
public class VerificationStepTest {

    @Test
    public void aTransportStepKeepsItsSideResultDetailAndMillis() {
        Map<String, Object> json = VerificationStep.of(new HandshakeStep("possession-proof", HandshakeStep.Side.SERVER,
                true, "FALCON-1024 signature verifies", 1_234_567)).json();
        assertEquals("possession-proof", json.get("step"));
        assertEquals("server", json.get("side"));
        assertEquals("passed", json.get("result"));
        assertEquals("FALCON-1024 signature verifies", json.get("detail"));
        assertEquals(1.235, (Double) json.get("millis"), 0);
    }

    @Test
    public void aCheckTimedOnlyWithinItsStepHasNoMillis() {
        Map<String, Object> json = VerificationStep.of(new HandshakeStep("certificate-chain.revocation",
                HandshakeStep.Side.CLIENT, false, "leaf.revocation: FAILED, revoked", HandshakeStep.NOT_TIMED)).json();
        assertEquals("failed", json.get("result"));
        assertTrue(json.containsKey("millis"));
        assertNull(json.get("millis"));
    }

    @Test
    public void theReportNamesTheFirstFailedStepAndAnswers502() throws Exception {
        CertValidationReport report = new CertValidationReport("node1.internet2.network", 4433, List.of(
                new VerificationStep("name-resolution", "client", true, "resolves to [::1]", 50_000L),
                new VerificationStep("certificate-chain", "client", false, "leaf.revocation: revoked", 900_000L),
                new VerificationStep("certificate-chain.revocation", "client", false, "revoked", null)),
                2_000_000);
        assertFalse(report.ok());
        assertEquals(502, report.status());
        JsonNode json = new ObjectMapper().readTree(Json.write(report.json()));
        assertEquals("client certificate-chain: leaf.revocation: revoked", json.get("failedStep").asText());
        assertFalse(json.get("ok").asBoolean());
        assertEquals(3, json.get("steps").size());
        assertTrue(json.get("steps").get(2).get("millis").isNull());
        assertEquals(2.0, json.get("totalMillis").asDouble(), 0);
        assertEquals("node1.internet2.network", json.get("target").asText());
    }

    @Test
    public void aReportWithoutStepsIsNotOk() {
        assertFalse(new CertValidationReport("node1.internet2.network", 4433, List.of(), 0).ok());
        assertEquals(200, new CertValidationReport("n", 1, List.of(
                new VerificationStep("echo-stream", "node", true, "came back", 1L)), 1).status());
    }
}
