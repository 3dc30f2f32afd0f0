package network.internet2.trustchain.ca.rest.internal;

import java.math.BigInteger;
import java.util.regex.Pattern;

import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.Methods;

/**
 * Which endpoint a request addresses, resolved from its method and its path below
 * {@code /trustchain/ca}: an unknown path is 404, a known path with another method
 * 405 (with {@code Allow}), a malformed serial 400.
 *
 * @param endpoint the endpoint
 * @param serial   the serial named in the path, or {@code null}
 */
record Route(Endpoint endpoint, BigInteger serial) {

    /** Mount point of the servlet, for messages. */
    static final String BASE = "/trustchain/ca";

    /** The endpoints, with the method each answers. */
    enum Endpoint {
        ROOT("GET"), CHAIN("GET"), CRL("GET"), ISSUE("POST"), CERTIFICATE("GET"), REVOKE("POST"), VALIDATE("POST");

        private final String method;

        Endpoint(String method) {
            this.method = method;
        }

        String method() {
            return method;
        }
    }

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,64}");

    private static final String ENDPOINTS = "GET " + BASE + "/root, GET " + BASE + "/chain, GET " + BASE
            + "/crl, POST " + BASE + "/certificates, GET " + BASE + "/certificates/<serial>, POST " + BASE
            + "/certificates/<serial>/revoke, POST " + BASE + "/validate";

    /**
     * @param method the HTTP method ({@code HEAD} counts as {@code GET})
     * @param path   the path below {@code /trustchain/ca}, or {@code null}
     * @throws ApiException 404, 405 or 400 (bad serial)
     */
    static Route resolve(String method, String path) throws ApiException {
        String[] segments = path == null || path.length() < 2 || path.charAt(0) != '/' ? new String[0]
                : path.substring(1).split("/", -1);
        Endpoint endpoint = switch (segments.length) {
            case 1 -> switch (segments[0]) {
                case "root" -> Endpoint.ROOT;
                case "chain" -> Endpoint.CHAIN;
                case "crl" -> Endpoint.CRL;
                case "certificates" -> Endpoint.ISSUE;
                case "validate" -> Endpoint.VALIDATE;
                default -> null;
            };
            case 2 -> segments[0].equals("certificates") && !segments[1].isEmpty() ? Endpoint.CERTIFICATE : null;
            case 3 -> segments[0].equals("certificates") && !segments[1].isEmpty() && segments[2].equals("revoke")
                    ? Endpoint.REVOKE : null;
            default -> null;
        };
        if (endpoint == null) {
            throw ApiException.notFound("no such resource: " + BASE + (path == null ? "" : path)
                    + "; the CA answers " + ENDPOINTS);
        }
        Methods.require(method, endpoint.method(), BASE + path);
        return new Route(endpoint, segments.length > 1 ? serial(segments[1]) : null);
    }

    /**
     * Parses a serial number given in hexadecimal, as the CA prints it.
     *
     * @throws ApiException 400 if it is not 1 to 64 hexadecimal digits
     */
    static BigInteger serial(String hex) throws ApiException {
        if (!HEX.matcher(hex).matches()) {
            throw ApiException.badRequest("serial '" + ApiException.abbreviate(hex) + "' is not a hexadecimal number; use the "
                    + "serial as the CA returned it, such as 5f3a9c01d2e4");
        }
        return new BigInteger(hex, 16);
    }
}
