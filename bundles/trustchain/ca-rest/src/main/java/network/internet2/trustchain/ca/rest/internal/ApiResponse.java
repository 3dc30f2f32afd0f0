package network.internet2.trustchain.ca.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An answer of the REST interface, free of the servlet API.
 *
 * @param status      the HTTP status code
 * @param contentType the media type of {@code body}
 * @param body        the body
 * @param headers     further headers
 */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json;charset=UTF-8";
    static final String PEM = "application/x-pem-file";
    static final String CRL = "application/pkix-crl";

    ApiResponse {
        headers = Map.copyOf(headers);
    }

    static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, JSON, body, Map.of());
    }

    static ApiResponse pem(String pem) {
        return new ApiResponse(200, PEM, pem.getBytes(StandardCharsets.US_ASCII), Map.of());
    }

    static ApiResponse error(ApiException refusal) {
        return new ApiResponse(refusal.status(), JSON, Json.error(refusal.getMessage()), refusal.headers());
    }

    /** @return the body as text, for tests and logs */
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
