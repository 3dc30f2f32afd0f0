package network.internet2.hypermesh.assets.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import network.internet2.hypermesh.assets.rest.internal.Route.Endpoint;
import network.internet2.management.rest.support.ApiException;

public class RouteTest {

    private static final String ID = "3f9c0a1b2c3d4e5f60718293a4b5c6d7";

    @Test
    public void resolvesEveryEndpoint() throws Exception {
        assertEquals(new Route(Endpoint.KINDS, null), Route.resolve("GET", null));
        assertEquals(new Route(Endpoint.ALLOCATIONS, null), Route.resolve("GET", "/allocations"));
        assertEquals(new Route(Endpoint.ALLOCATE, null), Route.resolve("POST", "/allocate"));
        assertEquals(new Route(Endpoint.ALLOCATION, ID), Route.resolve("GET", "/allocations/" + ID));
        assertEquals(new Route(Endpoint.RELEASE, ID), Route.resolve("DELETE", "/allocations/" + ID));
        assertEquals(new Route(Endpoint.RENEW, ID), Route.resolve("POST", "/allocations/" + ID + "/renew"));
        assertEquals(new Route(Endpoint.EXEC, ID), Route.resolve("POST", "/allocations/" + ID + "/exec"));
    }

    @Test
    public void headCountsAsGet() throws Exception {
        assertEquals(Endpoint.KINDS, Route.resolve("HEAD", null).endpoint());
        assertEquals(Endpoint.ALLOCATION, Route.resolve("HEAD", "/allocations/a1").endpoint());
    }

    @Test
    public void unknownPathsAreNotFoundAndListTheEndpoints() {
        for (String path : new String[] {"", "/", "/allocations/", "/allocate/x", "/allocation", "/kinds",
                "/allocations//renew", "/allocations/a1/stop", "/allocations/a1/renew/", "/allocations/a1/exec/x",
                "allocations"}) {
            ApiException refusal = assertThrows(path, ApiException.class, () -> Route.resolve("GET", path));
            assertEquals(path, 404, refusal.status());
            assertTrue(refusal.getMessage(), refusal.getMessage().contains("POST /assets/allocate"));
        }
    }

    @Test
    public void aWrongMethodIsNotAllowedAndSaysWhichIs() {
        ApiException postKinds = assertThrows(ApiException.class, () -> Route.resolve("POST", null));
        assertEquals(405, postKinds.status());
        assertEquals("GET, HEAD", postKinds.headers().get("Allow"));
        ApiException getAllocate = assertThrows(ApiException.class, () -> Route.resolve("GET", "/allocate"));
        assertEquals(405, getAllocate.status());
        assertEquals("POST", getAllocate.headers().get("Allow"));
        ApiException put = assertThrows(ApiException.class, () -> Route.resolve("PUT", "/allocations/a1"));
        assertEquals(405, put.status());
        assertEquals("GET, HEAD, DELETE", put.headers().get("Allow"));
        assertTrue(put.getMessage(), put.getMessage().contains("DELETE to release"));
        assertEquals(405, assertThrows(ApiException.class, () -> Route.resolve("POST", "/allocations/a1")).status());
        assertEquals(405, assertThrows(ApiException.class, () -> Route.resolve("DELETE", "/allocations")).status());
        assertEquals(405, assertThrows(ApiException.class,
                () -> Route.resolve("GET", "/allocations/a1/exec")).status());
        assertEquals(405, assertThrows(ApiException.class,
                () -> Route.resolve("DELETE", "/allocations/a1/renew")).status());
    }

    @Test
    public void aMalformedAllocationIdIsABadRequest() {
        for (String id : new String[] {"a b", "a%2Fb", "ü", "x".repeat(129), "a;b"}) {
            ApiException refusal = assertThrows(id, ApiException.class, () -> Route.resolve("GET", "/allocations/" + id));
            assertEquals(id, 400, refusal.status());
            assertTrue(refusal.getMessage(), refusal.getMessage().contains("is not an allocation id"));
        }
    }

    @Test
    public void routesWithoutAnIdCarryNone() throws Exception {
        assertNull(Route.resolve("GET", "/allocations").allocationId());
    }
}
