package network.internet2.management.rest.support;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON in and out, strict on input: trailing tokens and duplicate keys are refused,
 * so that what a caller meant is never guessed.
 */
public final class Json {

    /** Configured once here and never changed: safe to share between threads. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {
    }

    /**
     * @param value maps, lists, strings, numbers, booleans and {@code null}
     * @return the value as UTF-8 JSON
     */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a request body. The tree may be of any kind (or missing for an empty
     * body): callers check the shape they expect.
     *
     * @param body   the request body
     * @param advice what to send instead, appended to the message, such as
     *               {@code send {"chain": [...]}}
     * @throws ApiException 400 "the body is not valid JSON (why); advice"
     */
    public static JsonNode read(byte[] body, String advice) throws ApiException {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON (" + shortMessage(e) + "); " + advice);
        }
    }

    private static String shortMessage(IOException e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }
}
