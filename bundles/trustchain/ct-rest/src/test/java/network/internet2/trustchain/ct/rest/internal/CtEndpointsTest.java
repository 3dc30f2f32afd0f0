package network.internet2.trustchain.ct.rest.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.management.rest.support.ApiRequest;
import network.internet2.management.rest.support.ApiResponse;
import network.internet2.trustchain.ct.LogException;

public class CtEndpointsTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:15:30.250Z");

    private final FakeLog log;
    private final X509Certificate leaf;
    private final CtEndpoints endpoints;

    public CtEndpointsTest() throws Exception {
        log = new FakeLog();
        leaf = Fixtures.certificate("node9.internet2.network", 0x5f3a, false);
        endpoints = new CtEndpoints(log, new LogList(new LogList.Publication("Internet 2.0 test operator",
                List.of("ct@internet2.network"), ""), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private ApiResponse call(String method, String path, String query, String body) {
        return endpoints.handle(new ApiRequest(method, path, query, null,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    private ApiResponse get(String path, String query) {
        return call("GET", path, query, null);
    }

    /** @return the body of a 200 answer */
    private static JsonNode ok(ApiResponse response) throws Exception {
        assertEquals(response.text(), 200, response.status());
        assertEquals(ApiResponse.JSON, response.contentType());
        return new ObjectMapper().readTree(response.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static byte[] b64(JsonNode node) {
        assertTrue(node + " is not a string", node.isTextual());
        return Base64.getDecoder().decode(node.asText());
    }

    private static String chainBody(X509Certificate... chain) throws Exception {
        StringBuilder body = new StringBuilder("{\"chain\": [");
        for (int i = 0; i < chain.length; i++) {
            body.append(i == 0 ? "" : ", ").append('"')
                    .append(Base64.getEncoder().encodeToString(chain[i].getEncoded())).append('"');
        }
        return body.append("]}").toString();
    }

    private static X509Certificate parse(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    /** Asserts an RFC-style refusal: the status, {"error_message": "...", "success": false}. */
    private static void assertRefused(String what, int status, ApiResponse response) throws Exception {
        assertEquals(what + ": " + response.text(), status, response.status());
        assertEquals(ApiResponse.JSON, response.contentType());
        JsonNode error = new ObjectMapper().readTree(response.body());
        assertEquals(what, List.of("error_message", "success"), fieldNames(error));
        assertTrue(what, error.path("error_message").asText().length() > 10);
        assertTrue(what, error.path("success").isBoolean());
        assertFalse(what, error.path("success").asBoolean());
    }

    private void assertSct(JsonNode sct) {
        assertEquals(List.of("sct_version", "id", "timestamp", "extensions", "signature"), fieldNames(sct));
        assertTrue(sct.path("sct_version").isInt());
        assertEquals(0, sct.path("sct_version").asInt());
        assertArrayEquals(FakeLog.LOG_ID, b64(sct.path("id")));
        assertTrue(sct.path("timestamp").isIntegralNumber());
        assertEquals(1_764_000_000_999L, sct.path("timestamp").asLong());
        assertArrayEquals(FakeLog.bytes(5, 9), b64(sct.path("extensions")));
        assertArrayEquals(FakeLog.bytes(72, 4), b64(sct.path("signature")));
    }

    @Test
    public void addChainAnswersAnRfc6962Sct() throws Exception {
        assertSct(ok(call("POST", "/v1/add-chain", null, chainBody(leaf, log.root))));
        assertEquals(List.of("addChain"), log.calls);
        assertEquals(List.of(leaf, log.root), log.lastChain);
    }

    @Test
    public void addPreChainAnswersTheSameShapeThroughAddPreChain() throws Exception {
        assertSct(ok(call("POST", "/v1/add-pre-chain", null, chainBody(leaf, log.root))));
        assertEquals(List.of("addPreChain"), log.calls);
        assertEquals(List.of(leaf, log.root), log.lastChain);
    }

    @Test
    public void fieldsBesidesTheChainAreIgnored() throws Exception {
        String body = chainBody(leaf, log.root).replace("{\"chain\"", "{\"note\": {\"x\": 1}, \"chain\"");
        assertSct(ok(call("POST", "/v1/add-chain", null, body)));
    }

    @Test
    public void getSthAnswersTheTreeHeadAndTheFalconCoSignature() throws Exception {
        JsonNode sth = ok(get("/v1/get-sth", null));
        assertEquals(List.of("tree_size", "timestamp", "sha256_root_hash", "tree_head_signature",
                "falcon1024_signature"), fieldNames(sth));
        assertEquals(3, sth.path("tree_size").asLong());
        assertEquals(FakeLog.STH_MILLIS, sth.path("timestamp").asLong());
        assertArrayEquals(FakeLog.bytes(32, 6), b64(sth.path("sha256_root_hash")));
        assertArrayEquals(FakeLog.bytes(71, 7), b64(sth.path("tree_head_signature")));
        assertArrayEquals(FakeLog.bytes(1270, 8), b64(sth.path("falcon1024_signature")));
    }

    @Test
    public void getSthConsistencyAnswersTheProofNodes() throws Exception {
        JsonNode proof = ok(get("/v1/get-sth-consistency", "first=1&second=3"));
        assertEquals(List.of("consistency"), fieldNames(proof));
        assertEquals(2, proof.path("consistency").size());
        assertArrayEquals(FakeLog.bytes(32, 11), b64(proof.path("consistency").get(1)));
        assertArrayEquals(new long[] {1, 3}, log.lastArguments);
        assertEquals(200, get("/v1/get-sth-consistency", "first=3&second=3").status());
    }

    @Test
    public void getProofByHashAnswersTheLeafIndexAndAuditPath() throws Exception {
        byte[] hash = CtEndpoints.leafHash(FakeLog.leafInput(2, FakeLog.FIRST_ENTRY_MILLIS + 2));
        String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(hash), StandardCharsets.UTF_8);
        JsonNode proof = ok(get("/v1/get-proof-by-hash", "hash=" + encoded + "&tree_size=3"));
        assertEquals(List.of("leaf_index", "audit_path"), fieldNames(proof));
        assertEquals(2, proof.path("leaf_index").asLong());
        assertEquals(2, proof.path("audit_path").size());
        assertArrayEquals(FakeLog.bytes(32, 20), b64(proof.path("audit_path").get(0)));
        assertArrayEquals(hash, log.lastLeafHash);
        assertArrayEquals(new long[] {3}, log.lastArguments);
    }

    @Test
    public void aHashWhosePlusWasLeftUnescapedStillReads() throws Exception {
        byte[] hash = new byte[32];
        hash[0] = (byte) 0xfb; // base64 "+w..."
        String unescaped = Base64.getEncoder().encodeToString(hash);
        assertTrue(unescaped, unescaped.startsWith("+"));
        ok(get("/v1/get-proof-by-hash", "hash=" + unescaped + "&tree_size=3"));
        assertArrayEquals(hash, log.lastLeafHash);
    }

    @Test
    public void getEntriesAnswersLeafInputAndExtraData() throws Exception {
        JsonNode answer = ok(get("/v1/get-entries", "start=1&end=2"));
        assertEquals(List.of("entries"), fieldNames(answer));
        JsonNode entries = answer.path("entries");
        assertEquals(2, entries.size());
        assertEquals(List.of("leaf_input", "extra_data"), fieldNames(entries.get(0)));
        assertArrayEquals(FakeLog.leafInput(1, FakeLog.FIRST_ENTRY_MILLIS + 1), b64(entries.get(0).path("leaf_input")));
        assertArrayEquals(FakeLog.extraData(2), b64(entries.get(1).path("extra_data")));
        assertArrayEquals(new long[] {1, 2}, log.lastArguments);
    }

    @Test
    public void getEntriesMayAnswerFewerThanAsked() throws Exception {
        assertEquals(1, ok(get("/v1/get-entries", "start=2&end=99")).path("entries").size());
    }

    @Test
    public void getRootsAnswersTheAcceptedRootsAsBase64Der() throws Exception {
        JsonNode roots = ok(get("/v1/get-roots", null));
        assertEquals(List.of("certificates"), fieldNames(roots));
        assertEquals(1, roots.path("certificates").size());
        assertEquals(log.root, parse(b64(roots.path("certificates").get(0))));
    }

    @Test
    public void getEntryAndProofHashesTheLeafAndAsksForItsProof() throws Exception {
        JsonNode answer = ok(get("/v1/get-entry-and-proof", "leaf_index=1&tree_size=3"));
        assertEquals(List.of("leaf_input", "extra_data", "audit_path"), fieldNames(answer));
        byte[] leafInput = FakeLog.leafInput(1, FakeLog.FIRST_ENTRY_MILLIS + 1);
        assertArrayEquals(leafInput, b64(answer.path("leaf_input")));
        assertArrayEquals(FakeLog.extraData(1), b64(answer.path("extra_data")));
        assertEquals(2, answer.path("audit_path").size());
        byte[] prefixed = new byte[leafInput.length + 1];
        System.arraycopy(leafInput, 0, prefixed, 1, leafInput.length);
        assertArrayEquals(java.security.MessageDigest.getInstance("SHA-256").digest(prefixed), log.lastLeafHash);
        assertArrayEquals(new long[] {3}, log.lastArguments);
        assertEquals(List.of("entries", "inclusionProof"), log.calls);
    }

    @Test
    public void logListDescribesTheLogInChromesV3Schema() throws Exception {
        JsonNode list = ok(get("/log-list.json", null));
        assertEquals(List.of("version", "log_list_timestamp", "operators"), fieldNames(list));
        assertTrue(list.path("version").isTextual());
        assertEquals("2026-11-24T10:15:30Z", list.path("log_list_timestamp").asText());
        assertEquals(1, list.path("operators").size());
        JsonNode operator = list.path("operators").get(0);
        assertEquals(List.of("name", "email", "logs", "tiled_logs"), fieldNames(operator));
        assertEquals("Internet 2.0 test operator", operator.path("name").asText());
        assertEquals("ct@internet2.network", operator.path("email").get(0).asText());
        assertEquals(0, operator.path("tiled_logs").size());
        assertEquals(1, operator.path("logs").size());
        JsonNode entry = operator.path("logs").get(0);
        assertEquals(List.of("description", "log_id", "key", "falcon1024_key", "url", "mmd", "state"),
                fieldNames(entry));
        assertEquals("Internet 2.0 TrustChain CT log at " + FakeLog.URL, entry.path("description").asText());
        assertArrayEquals(FakeLog.LOG_ID, b64(entry.path("log_id")));
        assertArrayEquals(FakeLog.PUBLIC_KEY, b64(entry.path("key")));
        assertArrayEquals(FakeLog.FALCON_KEY, b64(entry.path("falcon1024_key")));
        assertEquals(FakeLog.URL, entry.path("url").asText());
        assertTrue(entry.path("mmd").isIntegralNumber());
        assertEquals(86_400, entry.path("mmd").asLong());
        assertEquals(List.of("usable"), fieldNames(entry.path("state")));
        assertEquals(Instant.ofEpochMilli(FakeLog.FIRST_ENTRY_MILLIS).getEpochSecond(),
                Instant.parse(entry.path("state").path("usable").path("timestamp").asText()).getEpochSecond());
    }

    @Test
    public void anEmptyLogIsUsableSinceItsTreeHead() throws Exception {
        log.treeSize = 0;
        JsonNode entry = ok(get("/log-list.json", null)).path("operators").get(0).path("logs").get(0);
        assertEquals(Instant.ofEpochMilli(FakeLog.STH_MILLIS).toString(),
                entry.path("state").path("usable").path("timestamp").asText());
        assertFalse(log.calls.contains("entries"));
    }

    @Test
    public void theLogListVersionChangesWithItsContentOnly() throws Exception {
        String version = ok(get("/log-list.json", null)).path("version").asText();
        assertEquals(version, ok(get("/log-list.json", null)).path("version").asText());
        CtEndpoints other = new CtEndpoints(log, new LogList(new LogList.Publication("Someone else",
                List.of("ct@internet2.network"), ""), Clock.fixed(NOW, ZoneOffset.UTC)));
        assertFalse(version.equals(ok(other.handle(new ApiRequest("GET", "/log-list.json", null, null, null)))
                .path("version").asText()));
    }

    @Test
    public void headAnswersLikeGet() throws Exception {
        ok(call("HEAD", "/v1/get-sth", null, null));
    }

    @Test
    public void badInputNeverReachesTheLog() throws Exception {
        String leafB64 = Base64.getEncoder().encodeToString(leaf.getEncoded());
        String pemB64 = Base64.getEncoder().encodeToString(("-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(leaf.getEncoded()) + "\n-----END CERTIFICATE-----\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] trailing = new byte[leaf.getEncoded().length + 2];
        System.arraycopy(leaf.getEncoded(), 0, trailing, 0, leaf.getEncoded().length);
        String[] bodies = {
            "",
            "garbage",
            "[\"" + leafB64 + "\"]",
            "{}",
            "{\"chain\": \"" + leafB64 + "\"}",
            "{\"chain\": []}",
            "{\"chain\": [42]}",
            "{\"chain\": [null]}",
            "{\"chain\": [\"@@not base64@@\"]}",
            "{\"chain\": [\"" + leafB64.substring(0, leafB64.length() - 5) + "\"]}",
            "{\"chain\": [\"" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(leaf.getEncoded(), 100))
                    + "\"]}",
            "{\"chain\": [\"" + Base64.getEncoder().encodeToString("not DER at all".getBytes()) + "\"]}",
            "{\"chain\": [\"" + pemB64 + "\"]}",
            "{\"chain\": [\"" + Base64.getEncoder().encodeToString(trailing) + "\"]}",
            "{\"chain\": [\"" + leafB64 + "\"]} trailing",
            "{\"chain\": [], \"chain\": [\"" + leafB64 + "\"]}",
            "{\"chain\": [\"" + leafB64 + "\", \"AAAA\"]}",
        };
        for (String body : bodies) {
            assertRefused("add-chain " + body, 400, call("POST", "/v1/add-chain", null, body));
            assertRefused("add-pre-chain " + body, 400, call("POST", "/v1/add-pre-chain", null, body));
        }
        String[][] gets = {
            {"/v1/get-sth-consistency", null},
            {"/v1/get-sth-consistency", "first=1"},
            {"/v1/get-sth-consistency", "first=&second=2"},
            {"/v1/get-sth-consistency", "first=one&second=2"},
            {"/v1/get-sth-consistency", "first=-1&second=2"},
            {"/v1/get-sth-consistency", "first=1.5&second=2"},
            {"/v1/get-sth-consistency", "first=1&second=99999999999999999999"},
            {"/v1/get-sth-consistency", "first=1&second=9223372036854775808"},
            {"/v1/get-sth-consistency", "first=3&second=2"},
            {"/v1/get-sth-consistency", "first=%zz&second=2"},
            {"/v1/get-proof-by-hash", "tree_size=3"},
            {"/v1/get-proof-by-hash", "hash=@@@&tree_size=3"},
            {"/v1/get-proof-by-hash", "hash=AAAA&tree_size=3"},
            {"/v1/get-proof-by-hash", "hash=" + "A".repeat(43) + "=&tree_size=x"},
            {"/v1/get-entries", "start=2"},
            {"/v1/get-entries", "start=2&end=1"},
            {"/v1/get-entries", "start=0x1&end=2"},
            {"/v1/get-entries", "start= 1&end=2"},
            {"/v1/get-entry-and-proof", "leaf_index=3&tree_size=3"},
            {"/v1/get-entry-and-proof", "leaf_index=0&tree_size=0"},
            {"/v1/get-entry-and-proof", "leaf_index=a&tree_size=3"},
            {"/v1/get-entry-and-proof", "tree_size=3"},
        };
        for (String[] request : gets) {
            assertRefused(request[0] + "?" + request[1], 400, get(request[0], request[1]));
        }
        assertEquals(List.of(), log.calls);
    }

    @Test
    public void aChainNotEndingAtAnAcceptedRootIsABadRequestWithTheLogsMessage() throws Exception {
        X509Certificate stranger = Fixtures.certificate("Stranger Root", 9, true);
        ApiResponse response = call("POST", "/v1/add-chain", null, chainBody(leaf, stranger));
        assertRefused("foreign chain", 400, response);
        assertTrue(response.text(), response.text().contains("does not end at an accepted root"));
    }

    @Test
    public void theLogsRangeRefusalsAreBadRequests() throws Exception {
        log.failure = new LogException.BadRequest("second (9) is larger than the tree (3)");
        ApiResponse response = get("/v1/get-sth-consistency", "first=1&second=9");
        assertRefused("beyond the tree", 400, response);
        assertEquals("second (9) is larger than the tree (3)",
                new ObjectMapper().readTree(response.body()).path("error_message").asText());
        log.failure = null;
        assertRefused("start beyond", 400, get("/v1/get-entries", "start=7&end=9"));
    }

    @Test
    public void anUnavailableLogIsServiceUnavailable() throws Exception {
        log.failure = new LogException.Unavailable("storage is read-only", null);
        assertRefused("add-chain", 503, call("POST", "/v1/add-chain", null, chainBody(leaf, log.root)));
        assertRefused("add-pre-chain", 503, call("POST", "/v1/add-pre-chain", null, chainBody(leaf, log.root)));
        assertRefused("consistency", 503, get("/v1/get-sth-consistency", "first=1&second=2"));
        assertRefused("entries", 503, get("/v1/get-entries", "start=0&end=2"));
        assertRefused("entry and proof", 503, get("/v1/get-entry-and-proof", "leaf_index=0&tree_size=2"));
        ApiResponse list = get("/log-list.json", null);
        assertRefused("log list", 503, list);
        assertTrue(list.text(), list.text().contains("storage is read-only"));
    }

    @Test
    public void anyOtherLogFailureIsAnInternalError() throws Exception {
        log.failure = new LogException("the tree is corrupt at index 2");
        assertRefused("proof", 500, get("/v1/get-proof-by-hash",
                "hash=" + URLEncoder.encode(Base64.getEncoder().encodeToString(new byte[32]), StandardCharsets.UTF_8)
                        + "&tree_size=3"));
    }

    @Test
    public void unknownPathsAreNotFound() throws Exception {
        for (String path : new String[] {null, "", "/", "/v1", "/v1/", "/v1/get-sth/", "/v1/get-sths",
                "/v2/get-sth", "/get-sth", "/v1/add-chain/x", "/log-list", "/ct/v1/get-sth"}) {
            ApiResponse response = get(path, null);
            assertRefused(String.valueOf(path), 404, response);
            assertTrue(response.text(), response.text().contains("GET /ct/v1/get-sth"));
        }
        assertEquals(List.of(), log.calls);
    }

    @Test
    public void aWrongMethodIsNotAllowedAndSaysWhichIs() throws Exception {
        ApiResponse getAdd = get("/v1/add-chain", null);
        assertRefused("GET add-chain", 405, getAdd);
        assertEquals("POST", getAdd.headers().get("Allow"));
        ApiResponse postSth = call("POST", "/v1/get-sth", null, "{}");
        assertRefused("POST get-sth", 405, postSth);
        assertEquals("GET, HEAD", postSth.headers().get("Allow"));
        for (String path : new String[] {"/v1/add-pre-chain", "/v1/get-roots", "/log-list.json"}) {
            assertRefused("DELETE " + path, 405, call("DELETE", path, null, null));
        }
        assertRefused("PUT add-chain", 405, call("PUT", "/v1/add-chain", null, chainBody(leaf, log.root)));
        assertEquals(List.of(), log.calls);
    }
}
