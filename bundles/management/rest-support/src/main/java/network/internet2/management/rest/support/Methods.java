package network.internet2.management.rest.support;

import java.util.Map;

/** HTTP method rules shared by the REST interfaces: {@code HEAD} is a {@code GET} without a body. */
public final class Methods {

    private Methods() {
    }

    /** @return whether the method only reads ({@code GET} or {@code HEAD}) */
    public static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /**
     * Checks that a resource is addressed with the one method it answers.
     *
     * @param method   the request's method ({@code HEAD} counts as {@code GET})
     * @param allowed  the resource's method, {@code GET} or {@code POST}
     * @param resource the resource, for the message
     * @throws ApiException 405 with an {@code Allow} header ({@code GET, HEAD} for a GET resource)
     */
    public static void require(String method, String allowed, String resource) throws ApiException {
        String effective = "HEAD".equals(method) ? "GET" : method;
        if (!allowed.equals(effective)) {
            throw new ApiException(405, method + " is not allowed on " + resource + "; use " + allowed,
                    Map.of("Allow", allowed.equals("GET") ? "GET, HEAD" : allowed));
        }
    }
}
