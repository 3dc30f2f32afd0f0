package network.internet2.hypermesh.assets.rest.internal;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import network.internet2.management.rest.support.ApiException;

/**
 * The checks every JSON request body of {@code /assets} goes through: it is an
 * object, it has no field the endpoint does not know, and its numbers are whole
 * and in range. Each refusal is a 400 naming the field.
 */
final class BodyFields {

    private BodyFields() {
    }

    /**
     * @param body    the parsed body ({@code null} for an empty one)
     * @param allowed the fields the endpoint reads
     * @param example a body to send instead, for the messages
     * @throws ApiException 400 if the body is not a JSON object or has another field
     */
    static JsonNode object(JsonNode body, Set<String> allowed, String example) throws ApiException {
        if (body == null || body.isMissingNode() || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object such as " + example);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown field \"" + ApiException.abbreviate(name) + "\"; the fields are "
                        + String.join(", ", new TreeSet<>(allowed)) + ", as in " + example);
            }
        }
        return body;
    }

    /** @return whether the field is there and not {@code null} */
    static boolean present(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && !value.isNull();
    }

    /**
     * @return the field as a whole number from {@code min} to {@code max}, or {@code fallback} if absent or null
     * @throws ApiException 400 if it is not a JSON integer in that range
     */
    static long wholeNumber(JsonNode body, String field, long min, long max, long fallback) throws ApiException {
        if (!present(body, field)) {
            return fallback;
        }
        JsonNode value = body.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw ApiException.badRequest("\"" + field + "\" must be a whole number from " + min + " to " + max
                    + ", not " + ApiException.abbreviate(value.toString()));
        }
        return value.asLong();
    }

    /**
     * @return the field as a whole number from {@code min} to {@code max}
     * @throws ApiException 400 if it is missing or not a JSON integer in that range
     */
    static long requiredWholeNumber(JsonNode body, String field, long min, long max) throws ApiException {
        if (!present(body, field)) {
            throw ApiException.badRequest("\"" + field + "\" is missing; give a whole number from " + min + " to "
                    + max);
        }
        return wholeNumber(body, field, min, max, 0);
    }

    /**
     * @return the field as a non-blank string, or {@code null} if absent or null
     * @throws ApiException 400 if it is not a string or is blank
     */
    static String text(JsonNode body, String field) throws ApiException {
        if (!present(body, field)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest("\"" + field + "\" must be a non-empty string, not "
                    + ApiException.abbreviate(value.toString()));
        }
        return value.asText();
    }
}
