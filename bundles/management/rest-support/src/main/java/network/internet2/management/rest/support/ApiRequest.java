package network.internet2.management.rest.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the endpoints need of an HTTP request, free of the servlet API.
 *
 * @param method the HTTP method
 * @param path   the path below the servlet's mount point, such as {@code /root}, or {@code null}
 * @param query  the raw query string, or {@code null}
 * @param accept the {@code Accept} header, or {@code null}
 * @param body   the request body (empty for GET)
 */
public record ApiRequest(String method, String path, String query, String accept, byte[] body) {

    public ApiRequest {
        body = body == null ? new byte[0] : body;
    }

    /**
     * The first value of a query parameter. The query string is parsed here, not by
     * the servlet container, so that a form-encoded POST body is never consumed as
     * parameters.
     *
     * @throws ApiException 400 if the query string is not properly URL-encoded
     */
    public Optional<String> parameter(String name) throws ApiException {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                if (name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
                    return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("the query string is not properly URL-encoded: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * The first value of a query parameter that must be there.
     *
     * @throws ApiException 400 if it is missing or empty, or the query string is not properly URL-encoded
     */
    public String requiredParameter(String name) throws ApiException {
        String value = parameter(name).orElseThrow(
                () -> ApiException.badRequest("the query parameter " + name + " is missing"));
        if (value.isEmpty()) {
            throw ApiException.badRequest("the query parameter " + name + " is empty");
        }
        return value;
    }
}
