package network.internet2.trustchain.ca.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;

import org.junit.Test;

import network.internet2.management.rest.support.ApiException;
import network.internet2.trustchain.ca.rest.internal.Route.Endpoint;

public class RouteTest {

    @Test
    public void resolvesEveryEndpoint() throws Exception {
        assertEquals(Endpoint.ROOT, Route.resolve("GET", "/root").endpoint());
        assertEquals(Endpoint.CHAIN, Route.resolve("GET", "/chain").endpoint());
        assertEquals(Endpoint.CRL, Route.resolve("GET", "/crl").endpoint());
        assertEquals(Endpoint.ISSUE, Route.resolve("POST", "/certificates").endpoint());
        assertEquals(Endpoint.VALIDATE, Route.resolve("POST", "/validate").endpoint());
        assertEquals(new Route(Endpoint.CERTIFICATE, new BigInteger("5f3a", 16)),
                Route.resolve("GET", "/certificates/5f3a"));
        assertEquals(new Route(Endpoint.REVOKE, new BigInteger("5F3A", 16)),
                Route.resolve("POST", "/certificates/5F3A/revoke"));
        assertNull(Route.resolve("GET", "/root").serial());
    }

    @Test
    public void headCountsAsGet() throws Exception {
        assertEquals(Endpoint.ROOT, Route.resolve("HEAD", "/root").endpoint());
    }

    @Test
    public void unknownPathsAreNotFound() {
        for (String path : new String[] {null, "", "/", "/roots", "/root/", "/certificates/", "/certificates/1/2",
                "/certificates/1/revoke/", "/certificates//revoke", "/crl/x", "root"}) {
            ApiException refusal = assertThrows(path, ApiException.class, () -> Route.resolve("GET", path));
            assertEquals(path, 404, refusal.status());
            assertTrue(refusal.getMessage(), refusal.getMessage().contains("GET /trustchain/ca/root"));
        }
    }

    @Test
    public void aWrongMethodIsNotAllowedAndSaysWhichIs() {
        ApiException post = assertThrows(ApiException.class, () -> Route.resolve("POST", "/root"));
        assertEquals(405, post.status());
        assertEquals("GET, HEAD", post.headers().get("Allow"));
        ApiException get = assertThrows(ApiException.class, () -> Route.resolve("GET", "/certificates"));
        assertEquals(405, get.status());
        assertEquals("POST", get.headers().get("Allow"));
        assertEquals(405, assertThrows(ApiException.class, () -> Route.resolve("DELETE", "/certificates/1a")).status());
        assertEquals(405, assertThrows(ApiException.class, () -> Route.resolve("GET", "/certificates/1a/revoke")).status());
    }

    @Test
    public void aSerialThatIsNotHexIsABadRequest() {
        for (String serial : new String[] {"xyz", "12g4", "-1", "0x1f", "1f 2e", "a".repeat(65)}) {
            ApiException refusal = assertThrows(serial, ApiException.class,
                    () -> Route.resolve("GET", "/certificates/" + serial));
            assertEquals(serial, 400, refusal.status());
            assertTrue(refusal.getMessage(), refusal.getMessage().contains("hexadecimal"));
        }
    }

    @Test
    public void parsesHexSerialsOfAnySize() throws Exception {
        assertEquals(BigInteger.ZERO, Route.serial("0"));
        assertEquals(new BigInteger("00ff", 16), Route.serial("00ff"));
        BigInteger big = new BigInteger("7f" + "ab".repeat(19), 16);
        assertEquals(big, Route.serial(big.toString(16)));
    }
}
