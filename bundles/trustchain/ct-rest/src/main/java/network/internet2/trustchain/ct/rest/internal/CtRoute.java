package network.internet2.trustchain.ct.rest.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.Methods;

/**
 * The endpoints below {@code /ct}, each with the one method it answers: the RFC 6962
 * API (section 4) under {@code /ct/v1/} and the log's entry in the Chrome log list
 * format at {@code /ct/log-list.json}.
 */
enum CtRoute {

    ADD_CHAIN("POST", "/v1/add-chain"),
    ADD_PRE_CHAIN("POST", "/v1/add-pre-chain"),
    GET_STH("GET", "/v1/get-sth"),
    GET_STH_CONSISTENCY("GET", "/v1/get-sth-consistency"),
    GET_PROOF_BY_HASH("GET", "/v1/get-proof-by-hash"),
    GET_ENTRIES("GET", "/v1/get-entries"),
    GET_ROOTS("GET", "/v1/get-roots"),
    GET_ENTRY_AND_PROOF("GET", "/v1/get-entry-and-proof"),
    LOG_LIST("GET", "/log-list.json");

    /** Mount point of the servlet. */
    static final String BASE = "/ct";

    private static final String ENDPOINTS = Arrays.stream(values())
            .map(route -> route.method + " " + BASE + route.path).collect(Collectors.joining(", "));

    private final String method;
    private final String path;

    CtRoute(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** @return the method this endpoint answers ({@code GET} also answers {@code HEAD}) */
    String method() {
        return method;
    }

    /** @return the path below {@code /ct}, such as {@code /v1/get-sth} */
    String path() {
        return path;
    }

    /**
     * @param method the HTTP method ({@code HEAD} counts as {@code GET})
     * @param path   the path below {@code /ct}, or {@code null}
     * @throws ApiException 404 for an unknown path, 405 (with {@code Allow}) for another method
     */
    static CtRoute resolve(String method, String path) throws ApiException {
        for (CtRoute route : values()) {
            if (route.path.equals(path)) {
                Methods.require(method, route.method, BASE + path);
                return route;
            }
        }
        throw ApiException.notFound("no such resource: " + BASE + (path == null ? "" : ApiException.abbreviate(path))
                + "; the log answers " + ENDPOINTS);
    }
}
