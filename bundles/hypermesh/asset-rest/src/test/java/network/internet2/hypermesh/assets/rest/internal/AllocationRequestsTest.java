package network.internet2.hypermesh.assets.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.Test;

import network.internet2.hypermesh.assets.rest.internal.AllocationRequests.Allocate;
import network.internet2.management.rest.support.ApiException;

public class AllocationRequestsTest {

    private static Allocate allocate(String body) throws ApiException {
        return AllocationRequests.allocate(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(String body) {
        ApiException refusal = assertThrows(body, ApiException.class, () -> allocate(body));
        assertEquals(body, 400, refusal.status());
        return refusal.getMessage();
    }

    @Test
    public void acceptsTheKindForm() throws Exception {
        assertEquals(new Allocate("memory", 1048576, Duration.ofSeconds(600), false),
                allocate("{\"kind\": \"memory\", \"amount\": 1048576, \"lease_seconds\": 600}"));
    }

    @Test
    public void acceptsTheSeedsAssetIdFormWithTheDefaultLease() throws Exception {
        Allocate seed = allocate("{\"asset_id\":\"test\",\"amount\":1}");
        assertEquals(new Allocate("test", 1, Duration.ofHours(1), true), seed);
        assertTrue(seed.byAssetId());
        assertFalse(allocate("{\"kind\": \"cpu\", \"amount\": 500, \"asset_id\": null}").byAssetId());
    }

    @Test
    public void refusalsNameTheFieldAtFault() {
        assertTrue(refusal("{\"kind\": \"memory\", \"asset_id\": \"memory\", \"amount\": 1}")
                .contains("either \"kind\" or \"asset_id\""));
        assertTrue(refusal("{\"amount\": 1}").contains("\"kind\" is missing"));
        assertTrue(refusal("{\"kind\": \"\", \"amount\": 1}").contains("\"kind\" must be a non-empty string"));
        assertTrue(refusal("{\"asset_id\": 7, \"amount\": 1}").contains("\"asset_id\" must be a non-empty string"));
        assertTrue(refusal("{\"kind\": \"memory\"}").contains("\"amount\" is missing"));
        for (String amount : new String[] {"0", "-1", "1.5", "1e3", "\"1\"", "true", "99999999999999999999",
                "[1]"}) {
            assertTrue(amount, refusal("{\"kind\": \"memory\", \"amount\": " + amount + "}")
                    .startsWith("\"amount\" must be a whole number from 1 to " + Long.MAX_VALUE));
        }
        for (String lease : new String[] {"0", "-60", "60.5", "31536001", "\"1h\""}) {
            assertTrue(lease, refusal("{\"kind\": \"memory\", \"amount\": 1, \"lease_seconds\": " + lease + "}")
                    .startsWith("\"lease_seconds\" must be a whole number from 1 to 31536000"));
        }
        assertTrue(refusal("{\"kind\": \"memory\", \"amount\": 1, \"owner\": \"me\"}")
                .startsWith("unknown field \"owner\"; the fields are amount, asset_id, kind, lease_seconds"));
    }

    @Test
    public void refusesWhatIsNotOneJsonObject() {
        for (String body : new String[] {"", "   ", "[]", "\"memory\"", "null", "{", "{\"kind\": \"memory\"} {}",
                "{\"kind\": \"memory\", \"kind\": \"cpu\", \"amount\": 1}", "kind=memory&amount=1"}) {
            String message = refusal(body);
            assertTrue(message, message.contains("{\"kind\": \"memory\", \"amount\": 1048576"));
        }
    }

    @Test
    public void renewalTakesTheLeaseOrTheDefault() throws Exception {
        assertEquals(Duration.ofSeconds(120), AllocationRequests.renewal("{\"lease_seconds\": 120}".getBytes()));
        assertEquals(Duration.ofHours(1), AllocationRequests.renewal(new byte[0]));
        assertEquals(Duration.ofHours(1), AllocationRequests.renewal("{}".getBytes()));
        assertEquals(400, assertThrows(ApiException.class,
                () -> AllocationRequests.renewal("{\"lease_seconds\": 0}".getBytes())).status());
        assertEquals(400, assertThrows(ApiException.class,
                () -> AllocationRequests.renewal("{\"seconds\": 10}".getBytes())).status());
    }
}
