package network.internet2.management.rest.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An answer of a REST interface, free of the servlet API.
 *
 * @param status      the HTTP status code
 * @param contentType the media type of {@code body}
 * @param body        the body
 * @param headers     further headers
 */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    /** The media type of every JSON answer. */
    public static final String JSON = "application/json;charset=UTF-8";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** @return a JSON answer without further headers */
    public static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, JSON, body, Map.of());
    }

    /** @return the body as text, for tests and logs */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
