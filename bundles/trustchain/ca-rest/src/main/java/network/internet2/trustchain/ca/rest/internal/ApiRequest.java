package network.internet2.trustchain.ca.rest.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the endpoints need of an HTTP request, free of the servlet API.
 *
 * @param method the HTTP method
 * @param path   the path below {@code /trustchain/ca}, such as {@code /root}, or {@code null}
 * @param query  the raw query string, or {@code null}
 * @param accept the {@code Accept} header, or {@code null}
 * @param body   the request body (empty for GET)
 */
record ApiRequest(String method, String path, String query, String accept, byte[] body) {

    ApiRequest {
        body = body == null ? new byte[0] : body;
    }

    /**
     * The first value of a query parameter. The query string is parsed here, not by
     * the servlet container, so that a form-encoded POST body is never consumed as
     * parameters.
     *
     * @throws ApiException 400 if the query string is not properly URL-encoded
     */
    Optional<String> parameter(String name) throws ApiException {
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
}
