package network.internet2.management.rest.support;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ApiRequestTest {

    @Test
    public void queryParametersAreDecodedAndTheFirstWins() throws Exception {
        ApiRequest request = new ApiRequest("POST", "/validate", "x=1&name=node9%2Einternet2.network&name=other", null,
                null);
        assertEquals("node9.internet2.network", request.parameter("name").orElseThrow());
        assertTrue(request.parameter("missing").isEmpty());
        assertEquals("", new ApiRequest("GET", "/", "flag", null, null).parameter("flag").orElseThrow());
    }

    @Test
    public void aBrokenQueryStringIsABadRequest() {
        ApiException refusal = assertThrows(ApiException.class,
                () -> new ApiRequest("GET", "/", "name=%zz", null, null).parameter("name"));
        assertEquals(400, refusal.status());
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("URL-encoded"));
    }

    @Test
    public void aRequiredParameterMustBeThereAndNotEmpty() throws Exception {
        assertEquals("7", new ApiRequest("GET", "/", "start=7", null, null).requiredParameter("start"));
        for (String query : new String[] {null, "", "end=3", "start=", "start"}) {
            ApiException refusal = assertThrows(String.valueOf(query), ApiException.class,
                    () -> new ApiRequest("GET", "/", query, null, null).requiredParameter("start"));
            assertEquals(400, refusal.status());
            assertTrue(refusal.getMessage(), refusal.getMessage().contains("query parameter start"));
        }
    }

    @Test
    public void aMissingBodyIsEmpty() {
        assertArrayEquals(new byte[0], new ApiRequest("GET", "/", null, null, null).body());
    }
}
