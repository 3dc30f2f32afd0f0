package network.internet2.management.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class MethodsTest {

    @Test
    public void onlyGetAndHeadAreReads() {
        assertTrue(Methods.isRead("GET"));
        assertTrue(Methods.isRead("HEAD"));
        assertFalse(Methods.isRead("POST"));
        assertFalse(Methods.isRead("get"));
        assertFalse(Methods.isRead(null));
    }

    @Test
    public void headCountsAsGet() throws Exception {
        Methods.require("HEAD", "GET", "/x");
        Methods.require("GET", "GET", "/x");
        Methods.require("POST", "POST", "/x");
    }

    @Test
    public void anotherMethodIsNotAllowedAndSaysWhichIs() {
        ApiException post = assertThrows(ApiException.class, () -> Methods.require("POST", "GET", "/ct/v1/get-sth"));
        assertEquals(405, post.status());
        assertEquals("GET, HEAD", post.headers().get("Allow"));
        assertEquals("POST is not allowed on /ct/v1/get-sth; use GET", post.getMessage());
        ApiException get = assertThrows(ApiException.class, () -> Methods.require("GET", "POST", "/ct/v1/add-chain"));
        assertEquals("POST", get.headers().get("Allow"));
        assertEquals(405, assertThrows(ApiException.class, () -> Methods.require("HEAD", "POST", "/x")).status());
    }
}
