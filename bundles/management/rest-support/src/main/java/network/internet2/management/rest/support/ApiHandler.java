package network.internet2.management.rest.support;

/** The endpoints of one REST interface, free of the servlet API. */
@FunctionalInterface
public interface ApiHandler {

    /** @return the answer to a request; refusals are answers too, never exceptions */
    ApiResponse handle(ApiRequest request);
}
