package network.internet2.management.rest.support;

import java.util.Map;

/**
 * A request a REST interface refuses, with the HTTP status to answer and a
 * message that tells the caller what to change.
 */
public final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Longest piece of caller input quoted in a message. */
    private static final int QUOTE_LIMIT = 80;

    private final int status;
    private final transient Map<String, String> headers;

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiException(int status, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    /** @return a 400 refusal */
    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** @return a 404 refusal */
    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /**
     * Caller input as quoted in a message: at most 80 characters, longer input cut
     * and marked with an ellipsis.
     */
    public static String abbreviate(String text) {
        return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "…";
    }

    /** @return the HTTP status code */
    public int status() {
        return status;
    }

    /** @return extra response headers ({@code Allow}, {@code WWW-Authenticate}) */
    public Map<String, String> headers() {
        return headers;
    }
}
