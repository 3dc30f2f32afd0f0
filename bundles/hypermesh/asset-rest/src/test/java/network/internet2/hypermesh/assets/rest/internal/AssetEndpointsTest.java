package network.internet2.hypermesh.assets.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.management.rest.support.ApiRequest;
import network.internet2.management.rest.support.ApiResponse;

public class AssetEndpointsTest {

    private final FakeRegistry registry = new FakeRegistry();
    private final AssetEndpoints endpoints = new AssetEndpoints(registry, () -> null);

    private ApiResponse call(String method, String path, String body) {
        return endpoints.handle(new ApiRequest(method, path, null, null,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode json(ApiResponse response) throws Exception {
        assertEquals(ApiResponse.JSON, response.contentType());
        return new ObjectMapper().readTree(response.body());
    }

    static String error(ApiResponse response) throws Exception {
        return json(response).path("error").asText();
    }

    @Test
    public void listsTheKindsWithWhatIsLeft() throws Exception {
        registry.granted("memory", 1024);
        ApiResponse response = call("GET", null, null);
        assertEquals(200, response.status());
        JsonNode memory = json(response).path("kinds").get(0);
        assertEquals("memory", memory.path("kind").asText());
        assertEquals("bytes", memory.path("unit").asText());
        assertEquals(1L << 30, memory.path("total").asLong());
        assertEquals(1024, memory.path("allocated").asLong());
        assertEquals((1L << 30) - 1024, memory.path("available").asLong());
    }

    @Test
    public void allocatesForTheOperatorAndSaysWhere() throws Exception {
        ApiResponse response = call("POST", "/allocate", "{\"kind\": \"memory\", \"amount\": 4096, "
                + "\"lease_seconds\": 600}");
        assertEquals(201, response.status());
        assertEquals("/assets/allocations/a1", response.headers().get("Location"));
        JsonNode allocation = json(response);
        assertEquals("a1", allocation.path("id").asText());
        assertEquals("memory", allocation.path("kind").asText());
        assertEquals(4096, allocation.path("amount").asLong());
        assertEquals("bytes", allocation.path("unit").asText());
        assertEquals(Allocation.LOCAL_OPERATOR, allocation.path("owner").asText());
        assertEquals("2026-11-24T10:10:00Z", allocation.path("lease_expiry").asText());
        assertEquals("fd3c:1a2b:3c4d::2", allocation.path("proxy_address").asText());
        assertEquals("active", allocation.path("state").asText());
        assertEquals(List.of("allocate memory 4096 600 local-operator"), registry.calls);
    }

    @Test
    public void theSeedsAssetIdFormAllocatesTheKindItNamesForAnHour() throws Exception {
        ApiResponse response = call("POST", "/allocate", "{\"asset_id\":\"cpu\",\"amount\":1}");
        assertEquals(201, response.status());
        assertEquals("millicores", json(response).path("unit").asText());
        assertEquals(List.of("allocate cpu 1 3600 local-operator"), registry.calls);
    }

    @Test
    public void anUnknownKindIsUnprocessableAndListsTheKinds() throws Exception {
        ApiResponse seed = call("POST", "/allocate", "{\"asset_id\":\"test\",\"amount\":1}");
        assertEquals(422, seed.status());
        assertEquals("no asset adapter of kind 'test' is installed (installed kinds: memory, cpu, vm); asset_id "
                + "names the asset kind to allocate, such as memory or cpu", error(seed));
        ApiResponse byKind = call("POST", "/allocate", "{\"kind\":\"gpu\",\"amount\":1}");
        assertEquals(422, byKind.status());
        assertEquals("no asset adapter of kind 'gpu' is installed (installed kinds: memory, cpu, vm)", error(byKind));
    }

    @Test
    public void tooLittleCapacityIsAConflict() throws Exception {
        ApiResponse response = call("POST", "/allocate", "{\"kind\": \"cpu\", \"amount\": 2001}");
        assertEquals(409, response.status());
        assertEquals("cannot allocate 2001 of cpu: only 2000 available", error(response));
    }

    @Test
    public void otherRefusalsOfTheRegistryAreUnprocessable() throws Exception {
        ApiResponse response = call("POST", "/allocate", "{\"kind\": \"cpu\", \"amount\": 1, \"lease_seconds\": "
                + "172800}");
        assertEquals(422, response.status());
        assertTrue(error(response), error(response).contains("longer than the maximum"));
    }

    @Test
    public void badInputNeverReachesTheRegistry() throws Exception {
        String[][] requests = {
            {"POST", "/allocate", "{\"kind\": \"memory\", \"asset_id\": \"memory\", \"amount\": 1}"},
            {"POST", "/allocate", "{\"kind\": \"memory\", \"amount\": -5}"},
            {"POST", "/allocate", "{\"kind\": \"memory\", \"amount\": 1e40}"},
            {"POST", "/allocate", "{\"kind\": \"memory\", \"amount\": 1, \"color\": \"red\"}"},
            {"POST", "/allocate", "not json"},
            {"POST", "/allocate", ""},
            {"POST", "/allocations/a1/renew", "{\"lease_seconds\": -1}"},
            {"GET", "/allocations/not an id", null},
        };
        registry.granted("memory", 1);
        for (String[] request : requests) {
            ApiResponse response = call(request[0], request[1], request[2]);
            String what = request[0] + " " + request[1] + " " + request[2];
            assertEquals(what + ": " + response.text(), 400, response.status());
            assertTrue(what, error(response).length() > 10);
        }
        assertEquals(List.of(), registry.calls);
    }

    @Test
    public void listsTheActiveAllocations() throws Exception {
        Allocation first = registry.granted("memory", 10);
        Allocation second = registry.granted("cpu", 250);
        registry.release(first.id(), Allocation.LOCAL_OPERATOR);
        JsonNode allocations = json(call("GET", "/allocations", null)).path("allocations");
        assertEquals(1, allocations.size());
        assertEquals(second.id(), allocations.get(0).path("id").asText());
        assertEquals("millicores", allocations.get(0).path("unit").asText());
    }

    @Test
    public void findsOneAllocationEvenAfterItEnded() throws Exception {
        Allocation granted = registry.granted("memory", 10);
        assertEquals("active", json(call("GET", "/allocations/" + granted.id(), null)).path("state").asText());
        registry.end(granted, Allocation.State.EXPIRED, "lease expired at 2026-11-24T11:00:00Z");
        JsonNode ended = json(call("GET", "/allocations/" + granted.id(), null));
        assertEquals("expired", ended.path("state").asText());
        assertEquals("lease expired at 2026-11-24T11:00:00Z", ended.path("end_reason").asText());
    }

    @Test
    public void unknownAllocationsAreNotFound() throws Exception {
        for (String[] request : new String[][] {{"GET", "/allocations/a9"}, {"DELETE", "/allocations/a9"},
                {"POST", "/allocations/a9/renew"}}) {
            ApiResponse response = call(request[0], request[1], "");
            assertEquals(request[1], 404, response.status());
            assertEquals("no allocation a9; GET /assets/allocations lists the active ones", error(response));
        }
        assertEquals(List.of(), registry.calls);
    }

    @Test
    public void releasesWithNoContentAndRefusesASecondReleaseWithTheReason() throws Exception {
        Allocation granted = registry.granted("memory", 10);
        ApiResponse released = call("DELETE", "/allocations/" + granted.id(), null);
        assertEquals(204, released.status());
        assertEquals(0, released.body().length);
        assertNull(released.contentType());
        assertEquals(List.of("release a1 local-operator"), registry.calls);
        ApiResponse again = call("DELETE", "/allocations/" + granted.id(), null);
        assertEquals(409, again.status());
        assertEquals("cannot release allocation a1: it already ended (released: released by local-operator)",
                error(again));
    }

    @Test
    public void renewsFromNowAndRefusesEndedAllocations() throws Exception {
        Allocation granted = registry.granted("cpu", 100);
        ApiResponse renewed = call("POST", "/allocations/" + granted.id() + "/renew", "{\"lease_seconds\": 7200}");
        assertEquals(200, renewed.status());
        assertEquals("2026-11-24T12:00:00Z", json(renewed).path("lease_expiry").asText());
        assertEquals(200, call("POST", "/allocations/" + granted.id() + "/renew", "").status());
        assertEquals(List.of("renew a1 7200 local-operator", "renew a1 3600 local-operator"), registry.calls);
        ApiResponse tooLong = call("POST", "/allocations/" + granted.id() + "/renew", "{\"lease_seconds\": 90000}");
        assertEquals(422, tooLong.status());
        registry.end(registry.find(granted.id()).orElseThrow(), Allocation.State.REVOKED, "the cpu adapter was removed");
        ApiResponse ended = call("POST", "/allocations/" + granted.id() + "/renew", "{}");
        assertEquals(409, ended.status());
        assertTrue(error(ended), error(ended).endsWith("(revoked: the cpu adapter was removed)"));
    }

    @Test
    public void aFailingRegistryIsAnInternalErrorInJson() throws Exception {
        registry.failure = new IllegalStateException("journal closed");
        ApiResponse response = call("GET", "/allocations", null);
        assertEquals(500, response.status());
        assertTrue(error(response), error(response).contains("java.lang.IllegalStateException: journal closed"));
    }

    @Test
    public void smallRequestsRefuseLargeBodies() throws Exception {
        ApiResponse response = call("POST", "/allocate", "{\"kind\": \"" + "m".repeat(64 * 1024) + "\"}");
        assertEquals(413, response.status());
        assertTrue(error(response), error(response).contains("64 KiB"));
    }

    @Test
    public void unknownPathsAndWrongMethodsAreRefusedInJson() throws Exception {
        ApiResponse unknown = call("GET", "/allocation", null);
        assertEquals(404, unknown.status());
        assertTrue(error(unknown), error(unknown).startsWith("no such resource: /assets/allocation;"));
        ApiResponse wrong = call("PATCH", "/allocations/a1", "{}");
        assertEquals(405, wrong.status());
        assertEquals("GET, HEAD, DELETE", wrong.headers().get("Allow"));
    }
}
