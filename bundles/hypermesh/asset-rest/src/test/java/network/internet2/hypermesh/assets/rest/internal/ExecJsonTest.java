package network.internet2.hypermesh.assets.rest.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.hypermesh.vm.VmRequest;
import network.internet2.hypermesh.vm.VmResult;
import network.internet2.management.rest.support.ApiException;

public class ExecJsonTest {

    /** The smallest valid WebAssembly module: magic and version. */
    static final byte[] WASM = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    static final String MODULE = Base64.getEncoder().encodeToString(WASM);

    private static VmRequest parse(String body) throws ApiException {
        return ExecJson.request(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(String body) {
        ApiException refusal = assertThrows(body, ApiException.class, () -> parse(body));
        assertEquals(body, 400, refusal.status());
        return refusal.getMessage();
    }

    @Test
    public void readsEveryField() throws Exception {
        VmRequest request = parse("{\"module\": \"" + MODULE + "\", \"args\": [\"-v\", \"in.txt\"], \"stdin\": \""
                + Base64.getEncoder().encodeToString("input".getBytes()) + "\", \"cpu_allocation\": \"c7\", "
                + "\"max_instructions\": 5000, \"timeout_ms\": 250}");
        assertArrayEquals(WASM, request.module());
        assertEquals(List.of("-v", "in.txt"), request.arguments());
        assertArrayEquals("input".getBytes(), request.stdin());
        assertEquals("c7", request.cpuAllocationId());
        assertEquals(5000, request.maxInstructions());
        assertEquals(Duration.ofMillis(250), request.wallClockLimit());
    }

    @Test
    public void onlyTheModuleIsRequired() throws Exception {
        VmRequest request = parse("{\"module\": \"" + MODULE + "\", \"stdin\": null}");
        assertEquals(List.of(), request.arguments());
        assertEquals(0, request.stdin().length);
        assertNull(request.cpuAllocationId());
        assertEquals(ExecJson.DEFAULT_MAX_INSTRUCTIONS, request.maxInstructions());
        assertEquals(Duration.ofMillis(ExecJson.DEFAULT_TIMEOUT_MS), request.wallClockLimit());
    }

    @Test
    public void refusalsNameTheFieldAtFault() {
        assertTrue(refusal("{}").startsWith("\"module\" is missing"));
        assertTrue(refusal("{\"module\": \"\"}").startsWith("\"module\" is empty"));
        assertTrue(refusal("{\"module\": 12}").startsWith("\"module\" must be a base64 string"));
        assertTrue(refusal("{\"module\": \"AGFzbQ*\"}").startsWith("\"module\" is not valid base64"));
        assertTrue(refusal("{\"module\": \"" + MODULE + "\", \"stdin\": \"%%\"}")
                .startsWith("\"stdin\" is not valid base64"));
        assertTrue(refusal("{\"module\": \"" + MODULE + "\", \"args\": \"-v\"}").startsWith("\"args\" must be an array"));
        assertTrue(refusal("{\"module\": \"" + MODULE + "\", \"args\": [\"a\", 2]}")
                .startsWith("\"args\"[1] must be a string"));
        assertTrue(refusal("{\"module\": \"" + MODULE + "\", \"max_instructions\": 0}")
                .startsWith("\"max_instructions\" must be a whole number from 1"));
        assertTrue(refusal("{\"module\": \"" + MODULE + "\", \"timeout_ms\": 600001}")
                .startsWith("\"timeout_ms\" must be a whole number from 1 to 600000"));
        assertTrue(refusal("{\"module\": \"" + MODULE + "\", \"cpu_allocation\": \"a b\"}")
                .contains("is not an allocation id"));
        assertTrue(refusal("{\"module\": \"" + MODULE + "\", \"env\": {}}").startsWith("unknown field \"env\""));
        assertTrue(refusal("{\"module\": ").startsWith("the body is not valid JSON"));
        assertTrue(refusal("").contains("the body must be a JSON object"));
    }

    @Test
    public void aModuleOver16MiBIsTooLarge() {
        String big = Base64.getEncoder().encodeToString(new byte[16 * 1024 * 1024 + 1]);
        ApiException refusal = assertThrows(ApiException.class, () -> parse("{\"module\": \"" + big + "\"}"));
        assertEquals(413, refusal.status());
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("at most 16 MiB"));
    }

    @Test
    public void writesTextOutputAsTextAndBinaryOutputAsBase64() throws Exception {
        byte[] binary = {(byte) 0xff, 0x00, (byte) 0xc3};
        JsonNode answer = new ObjectMapper().readTree(ExecJson.result(new VmResult(VmResult.Outcome.TRAPPED, -1,
                "grüße\n".getBytes(StandardCharsets.UTF_8), binary, true, 42, Duration.ofMillis(1500),
                "unreachable executed")));
        assertEquals("trapped", answer.path("outcome").asText());
        assertEquals(-1, answer.path("exit_code").asInt());
        assertEquals("grüße\n", answer.path("stdout").asText());
        assertFalse(answer.path("stdout_base64").asBoolean());
        assertArrayEquals(binary, Base64.getDecoder().decode(answer.path("stderr").asText()));
        assertTrue(answer.path("stderr_base64").asBoolean());
        assertTrue(answer.path("output_truncated").asBoolean());
        assertEquals(42, answer.path("instructions").asLong());
        assertEquals(1500, answer.path("elapsed_ms").asLong());
        assertEquals("unreachable executed", answer.path("detail").asText());
    }

    @Test
    public void outcomesAreWrittenInLowerCase() throws Exception {
        VmResult limit = new VmResult(VmResult.Outcome.INSTRUCTION_LIMIT, -1, new byte[0], new byte[0], false, 10,
                Duration.ZERO, null);
        JsonNode answer = new ObjectMapper().readTree(ExecJson.result(limit));
        assertEquals("instruction_limit", answer.path("outcome").asText());
        assertTrue(answer.path("detail").isNull());
        assertEquals("", answer.path("stdout").asText());
    }
}
