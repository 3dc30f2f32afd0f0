package network.internet2.management.rest.support;

/**
 * How one REST interface writes its refusals as JSON: the CA answers
 * {@code {"error": …}}, the CT log {@code {"error_message": …, "success": false}}
 * as RFC 6962 logs do.
 */
@FunctionalInterface
public interface ErrorFormat {

    /**
     * @param message what the caller should change, never {@code null}
     * @return the JSON value of the body (a map), as {@link Json#write(Object)} writes it
     */
    Object body(String message);

    /** @return the answer to a refusal: its status, its headers, the body in this format */
    default ApiResponse answer(ApiException refusal) {
        String message = refusal.getMessage() == null ? "unknown error" : refusal.getMessage();
        return new ApiResponse(refusal.status(), ApiResponse.JSON, Json.write(body(message)), refusal.headers());
    }
}
