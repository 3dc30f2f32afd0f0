package network.internet2.hypermesh.assets.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;
import network.internet2.hypermesh.asset.Capacity;

public class AssetJsonTest {

    private static JsonNode json(byte[] body) throws Exception {
        return new ObjectMapper().readTree(body);
    }

    private static String text(String address) throws Exception {
        return AssetJson.address((Inet6Address) InetAddress.getByName(address));
    }

    @Test
    public void writesAddressesInTheirCanonicalText() throws Exception {
        assertEquals("fd3c:1a2b:3c4d::7", text("fd3c:1a2b:3c4d:0:0:0:0:7"));
        assertEquals("::1", text("0:0:0:0:0:0:0:1"));
        assertEquals("::", text("0:0:0:0:0:0:0:0"));
        assertEquals("fd00::", text("fd00:0:0:0:0:0:0:0"));
        // a single zero group stays, the first of two equal runs is shortened
        assertEquals("fd3c:0:1:2:3:4:5:6", text("fd3c:0:1:2:3:4:5:6"));
        assertEquals("fd3c::1:0:0:2:3", text("fd3c:0:0:1:0:0:2:3"));
        assertEquals("fd3c:0:0:1::2", text("fd3c:0:0:1:0:0:0:2"));
        assertEquals("fd3c::1:0:0:2", text("fd3c:0:0:0:1:0:0:2"));
        assertEquals("fd3c:a1b:c:d:e:f:10:abcd", text("fd3c:0a1b:000c:d:e:f:10:ABCD"));
    }

    @Test
    public void kindsCarryCapacityAllocatedAndAvailable() throws Exception {
        JsonNode kinds = json(AssetJson.kinds(List.of(new AssetKind("memory", new Capacity(1024, "bytes"), 1000),
                new AssetKind("gpu", new Capacity(0, "devices"), 0)))).path("kinds");
        assertEquals(2, kinds.size());
        assertEquals("memory", kinds.get(0).path("kind").asText());
        assertEquals("bytes", kinds.get(0).path("unit").asText());
        assertEquals(1024, kinds.get(0).path("total").asLong());
        assertEquals(1000, kinds.get(0).path("allocated").asLong());
        assertEquals(24, kinds.get(0).path("available").asLong());
        assertEquals(0, kinds.get(1).path("available").asLong());
    }

    @Test
    public void anAllocationHasEveryFieldAndAnEndedOneItsReason() throws Exception {
        Allocation active = new Allocation("a1", "memory", 4096, Allocation.LOCAL_OPERATOR,
                Instant.parse("2026-11-24T11:00:00Z"), (Inet6Address) InetAddress.getByName("fd3c::5"),
                Allocation.State.ACTIVE, null);
        JsonNode json = json(AssetJson.allocation(active, Map.of("memory", "bytes")));
        assertEquals(List.of("id", "kind", "amount", "unit", "owner", "lease_expiry", "proxy_address", "state",
                "end_reason"), iterate(json));
        assertEquals("a1", json.path("id").asText());
        assertEquals(4096, json.path("amount").asLong());
        assertEquals("bytes", json.path("unit").asText());
        assertEquals("local-operator", json.path("owner").asText());
        assertEquals("2026-11-24T11:00:00Z", json.path("lease_expiry").asText());
        assertEquals("fd3c::5", json.path("proxy_address").asText());
        assertEquals("active", json.path("state").asText());
        assertTrue(json.path("end_reason").isNull());

        Allocation ended = new Allocation("a1", "memory", 4096, "CN=node2", active.leaseExpiry(), null,
                Allocation.State.REVOKED, "the memory adapter was removed");
        JsonNode revoked = json(AssetJson.allocation(ended, Map.of()));
        assertEquals("revoked", revoked.path("state").asText());
        assertEquals("the memory adapter was removed", revoked.path("end_reason").asText());
        assertTrue("unit unknown without the adapter", revoked.path("unit").isNull());
        assertTrue(revoked.path("proxy_address").isNull());
    }

    @Test
    public void refusalsAreErrorObjects() throws Exception {
        assertEquals("no", json(AssetJson.ERRORS.answer(
                network.internet2.management.rest.support.ApiException.badRequest("no")).body()).path("error")
                .asText());
    }

    private static List<String> iterate(JsonNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
