package network.internet2.trustchain.ca.rest.internal;

import java.util.Map;

/**
 * A request the REST interface refuses, with the HTTP status to answer and a
 * message that tells the caller what to change.
 */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers;

    ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    ApiException(int status, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** @return the HTTP status code */
    int status() {
        return status;
    }

    /** @return extra response headers ({@code Allow}, {@code WWW-Authenticate}) */
    Map<String, String> headers() {
        return headers;
    }
}
