package network.internet2.hypermesh.assets.rest.internal;

import java.util.Map;
import java.util.regex.Pattern;

import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.Methods;

/**
 * Which endpoint a request addresses, resolved from its method and its path below
 * {@code /assets}: an unknown path is 404, a known path with another method 405
 * (with {@code Allow}), a malformed allocation id 400.
 *
 * @param endpoint     the endpoint
 * @param allocationId the allocation named in the path, or {@code null}
 */
record Route(Endpoint endpoint, String allocationId) {

    /** Mount point of the servlet. */
    static final String BASE = "/assets";

    /** The endpoints. */
    enum Endpoint {
        KINDS, ALLOCATIONS, ALLOCATE, ALLOCATION, RELEASE, RENEW, EXEC
    }

    /** What an allocation id may look like: the registry's are 32 hex digits. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** The methods {@code /assets/allocations/<id>} answers. */
    private static final String ALLOCATION_METHODS = "GET, HEAD, DELETE";

    static final String ENDPOINTS = "GET " + BASE + ", GET " + BASE + "/allocations, POST " + BASE
            + "/allocate, GET|DELETE " + BASE + "/allocations/<id>, POST " + BASE + "/allocations/<id>/renew, POST "
            + BASE + "/allocations/<id>/exec";

    /**
     * @param method the HTTP method ({@code HEAD} counts as {@code GET})
     * @param path   the path below {@code /assets} (the servlet's path info), or {@code null} for {@code /assets}
     * @throws ApiException 404, 405 or 400 (malformed id)
     */
    static Route resolve(String method, String path) throws ApiException {
        String[] segments = path == null ? new String[0]
                : path.length() < 2 || path.charAt(0) != '/' ? null : path.substring(1).split("/", -1);
        Endpoint endpoint = segments == null ? null : switch (segments.length) {
            case 0 -> Endpoint.KINDS;
            case 1 -> switch (segments[0]) {
                case "allocations" -> Endpoint.ALLOCATIONS;
                case "allocate" -> Endpoint.ALLOCATE;
                default -> null;
            };
            case 2 -> isAllocation(segments) ? Endpoint.ALLOCATION : null;
            case 3 -> !isAllocation(segments) ? null : switch (segments[2]) {
                case "renew" -> Endpoint.RENEW;
                case "exec" -> Endpoint.EXEC;
                default -> null;
            };
            default -> null;
        };
        String resource = BASE + (path == null ? "" : path);
        if (endpoint == null) {
            throw ApiException.notFound("no such resource: " + ApiException.abbreviate(resource)
                    + "; the asset registry answers " + ENDPOINTS);
        }
        if (endpoint == Endpoint.ALLOCATION) {
            endpoint = allocationMethod(method, resource);
        } else {
            Methods.require(method, switch (endpoint) {
                case KINDS, ALLOCATIONS -> "GET";
                default -> "POST";
            }, resource);
        }
        return new Route(endpoint, segments.length > 1 ? id(segments[1]) : null);
    }

    private static boolean isAllocation(String[] segments) {
        return segments[0].equals("allocations") && !segments[1].isEmpty();
    }

    /** {@code GET} (or {@code HEAD}) reads the allocation, {@code DELETE} releases it. */
    private static Endpoint allocationMethod(String method, String resource) throws ApiException {
        if (Methods.isRead(method)) {
            return Endpoint.ALLOCATION;
        }
        if ("DELETE".equals(method)) {
            return Endpoint.RELEASE;
        }
        throw new ApiException(405, method + " is not allowed on " + ApiException.abbreviate(resource)
                + "; use GET to read the allocation or DELETE to release it", Map.of("Allow", ALLOCATION_METHODS));
    }

    /**
     * @return the allocation id as given
     * @throws ApiException 400 unless it is 1 to 128 letters, digits, {@code .}, {@code _} or {@code -}
     */
    static String id(String text) throws ApiException {
        if (!ID.matcher(text).matches()) {
            throw ApiException.badRequest("'" + ApiException.abbreviate(text) + "' is not an allocation id; use the "
                    + "id as POST " + BASE + "/allocate or GET " + BASE + "/allocations returned it, such as "
                    + "3f9c0a1b2c3d4e5f60718293a4b5c6d7");
        }
        return text;
    }
}
