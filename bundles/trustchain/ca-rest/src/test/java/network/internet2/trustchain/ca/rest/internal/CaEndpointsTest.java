package network.internet2.trustchain.ca.rest.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.management.rest.support.ApiRequest;
import network.internet2.management.rest.support.ApiResponse;
import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.ca.InvalidRequestException;

public class CaEndpointsTest {

    private final FakeCa ca;
    private final CaEndpoints endpoints;

    public CaEndpointsTest() throws Exception {
        ca = new FakeCa();
        endpoints = new CaEndpoints(ca);
    }

    private ApiResponse call(String method, String path, String query, String body) {
        return endpoints.handle(new ApiRequest(method, path, query, null,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode json(ApiResponse response) throws Exception {
        assertEquals(ApiResponse.JSON, response.contentType());
        return new ObjectMapper().readTree(response.body());
    }

    private static String csrPem() throws Exception {
        return Pem.encode(Pem.CERTIFICATE_REQUEST, Fixtures.csr("node9.internet2.network"));
    }

    @Test
    public void servesTheRootAndTheChainAsPem() throws Exception {
        ApiResponse root = call("GET", "/root", null, null);
        assertEquals(200, root.status());
        assertEquals("application/x-pem-file", root.contentType());
        assertEquals(List.of(ca.root), Pem.chain(root.body()));
        assertEquals(List.of(ca.intermediate, ca.root), Pem.chain(call("GET", "/chain", null, null).body()));
    }

    @Test
    public void servesTheCrlAsDerOrPemOnRequest() throws Exception {
        ApiResponse der = call("GET", "/crl", null, null);
        assertEquals("application/pkix-crl", der.contentType());
        assertArrayEquals(ca.crl.getEncoded(), der.body());
        ApiResponse pem = endpoints.handle(new ApiRequest("GET", "/crl", null, "application/x-pem-file", null));
        assertEquals("application/x-pem-file", pem.contentType());
        assertTrue(pem.text(), pem.text().startsWith("-----BEGIN X509 CRL-----"));
    }

    @Test
    public void issuesFromAPemRequestAndSaysWhere() throws Exception {
        ApiResponse response = call("POST", "/certificates", "validity_hours=12", csrPem());
        assertEquals(201, response.status());
        assertEquals("/trustchain/ca/certificates/5f3a", response.headers().get("Location"));
        JsonNode answer = json(response);
        assertEquals("5f3a", answer.path("serial").asText());
        assertEquals(List.of(ca.leaf), Pem.chain(answer.path("certificate").asText().getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of(ca.intermediate, ca.root),
                Pem.chain(answer.path("chain").asText().getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Duration.ofHours(12), ca.lastRequest.validity());
    }

    @Test
    public void issuesWithTheDefaultValidityWhenNoneIsGiven() throws Exception {
        assertEquals(201, call("POST", "/certificates", null, csrPem()).status());
        assertNull(ca.lastRequest.validity());
    }

    @Test
    public void badInputNeverReachesTheCa() throws Exception {
        String csr = csrPem();
        String[][] requests = {
            {"POST", "/certificates", null, "garbage"},
            {"POST", "/certificates", "validity_hours=0", csr},
            {"POST", "/certificates", "validity_hours=-5", csr},
            {"POST", "/certificates", "validity_hours=twelve", csr},
            {"POST", "/certificates", "validity_hours=%zz", csr},
            {"POST", "/certificates/zz/revoke", null, "{\"reason\": \"keyCompromise\"}"},
            {"POST", "/certificates/5f3a/revoke", null, "{\"reason\": \"bored\"}"},
            {"POST", "/certificates/5f3a/revoke", null, "{reason"},
            {"POST", "/validate", null, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"},
            {"POST", "/validate", "name=", Pem.certificates(List.of(ca.leaf))},
            {"GET", "/certificates/not-hex", null, null},
        };
        for (String[] request : requests) {
            ApiResponse response = call(request[0], request[1], request[2], request[3]);
            String what = String.join(" ", request[0], request[1], String.valueOf(request[2]));
            assertEquals(what + ": " + response.text(), 400, response.status());
            assertTrue(what, json(response).path("error").asText().length() > 10);
        }
        assertEquals(List.of(), ca.calls);
    }

    @Test
    public void theCasRefusalOfARequestIsABadRequestWithItsMessage() throws Exception {
        ca.failure = new InvalidRequestException("name www.example.com is outside the zone internet2.network");
        ApiResponse response = call("POST", "/certificates", null, csrPem());
        assertEquals(400, response.status());
        assertEquals("name www.example.com is outside the zone internet2.network", json(response).path("error").asText());
    }

    @Test
    public void anUnavailableCaIsServiceUnavailable() throws Exception {
        ca.failure = new CaUnavailableException("crypto suite pq-falcon1024-mlkem1024 is not installed");
        assertEquals(503, call("POST", "/certificates", null, csrPem()).status());
        assertEquals(503, call("GET", "/crl", null, null).status());
        ApiResponse root = call("GET", "/root", null, null);
        assertEquals(503, root.status());
        assertTrue(root.text(), json(root).path("error").asText().contains("crypto suites"));
    }

    @Test
    public void findsAndRevokesByHexSerial() throws Exception {
        call("POST", "/certificates", null, csrPem());
        JsonNode found = json(call("GET", "/certificates/5F3A", null, null));
        assertEquals("5f3a", found.path("serial").asText());
        assertTrue(found.path("revoked").isBoolean());
        ApiResponse revoked = call("POST", "/certificates/5f3a/revoke", null, "{\"reason\": \"keyCompromise\"}");
        assertEquals(200, revoked.status());
        assertEquals("keyCompromise", json(revoked).path("revocation_reason").asText());
        assertTrue(json(revoked).path("revoked").asBoolean());
    }

    @Test
    public void revokingWithoutAReasonMeansUnspecified() throws Exception {
        call("POST", "/certificates", null, csrPem());
        assertEquals("unspecified", json(call("POST", "/certificates/5f3a/revoke", null, "")).path("revocation_reason")
                .asText());
    }

    @Test
    public void unknownSerialsAreNotFound() throws Exception {
        ApiResponse find = call("GET", "/certificates/abcdef", null, null);
        assertEquals(404, find.status());
        assertTrue(find.text(), json(find).path("error").asText().contains("abcdef"));
        assertEquals(404, call("POST", "/certificates/abcdef/revoke", null, "{\"reason\": \"keyCompromise\"}").status());
    }

    @Test
    public void validatesAPresentedChainWithTheExpectedName() throws Exception {
        ApiResponse response = call("POST", "/validate", "name=node9.internet2.network",
                Pem.certificates(List.of(ca.leaf, ca.intermediate)));
        assertEquals(200, response.status());
        assertTrue(json(response).path("valid").asBoolean());
        assertEquals("chain.anchor", json(response).path("checks").get(0).path("name").asText());
        assertEquals(List.of(ca.leaf, ca.intermediate), ca.lastChain);
        assertEquals("node9.internet2.network", ca.lastName);
        call("POST", "/validate", null, Pem.certificates(List.of(ca.leaf)));
        assertNull(ca.lastName);
    }

    @Test
    public void unknownPathsAndWrongMethodsAnswerJson() throws Exception {
        ApiResponse missing = call("GET", "/nothing", null, null);
        assertEquals(404, missing.status());
        assertTrue(json(missing).has("error"));
        ApiResponse wrong = call("PUT", "/root", null, "x");
        assertEquals(405, wrong.status());
        assertEquals("GET, HEAD", wrong.headers().get("Allow"));
        assertTrue(json(wrong).has("error"));
    }

    @Test
    public void aSerialIsAnyHexNumber() throws Exception {
        assertEquals(new BigInteger("5f3a", 16), Route.resolve("GET", "/certificates/005f3a").serial());
    }
}
