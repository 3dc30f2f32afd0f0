package network.internet2.management.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class JsonTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void writesMapsInTheirOrder() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("tree_size", 3L);
        value.put("audit_path", List.of("AA==", "AQ=="));
        value.put("success", false);
        byte[] json = Json.write(value);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertEquals(3, tree.path("tree_size").asLong());
        assertEquals("AQ==", tree.path("audit_path").get(1).asText());
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text, text.indexOf("tree_size") < text.indexOf("audit_path"));
    }

    @Test
    public void readsAnyJsonValue() throws Exception {
        assertTrue(Json.read(bytes("{\"chain\": []}"), "send x").path("chain").isArray());
        assertTrue(Json.read(bytes("[1]"), "send x").isArray());
    }

    @Test
    public void refusesInvalidJsonTrailingTokensAndDuplicateKeys() {
        for (String body : new String[] {"not json", "{\"a\": 1} x", "{\"a\": 1, \"a\": 2}", "{\"a\": "}) {
            ApiException refusal = assertThrows(body, ApiException.class,
                    () -> Json.read(bytes(body), "send {\"chain\": [...]}"));
            assertEquals(body, 400, refusal.status());
            assertTrue(refusal.getMessage(), refusal.getMessage().startsWith("the body is not valid JSON ("));
            assertTrue(refusal.getMessage(), refusal.getMessage().endsWith("); send {\"chain\": [...]}"));
        }
    }
}
