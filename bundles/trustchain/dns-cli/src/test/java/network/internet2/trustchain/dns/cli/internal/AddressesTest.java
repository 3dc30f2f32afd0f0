package network.internet2.trustchain.dns.cli.internal;

import static org.junit.Assert.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.Test;

/** RFC 5952 section 4 examples and edge cases of the canonical form. */
public class AddressesTest {

    @Test
    public void printsTheCanonicalForm() throws Exception {
        assertEquals("::1", canonical("0:0:0:0:0:0:0:1"));
        assertEquals("::", canonical("0:0:0:0:0:0:0:0"));
        assertEquals("2001:db8::1", canonical("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertEquals("2001:db8:0:1:1:1:1:1", canonical("2001:db8:0:1:1:1:1:1"));
        assertEquals("2001:db8::1:0:0:1", canonical("2001:db8:0:0:1:0:0:1"));
        assertEquals("fd00:80::1", canonical("fd00:80:0:0:0:0:0:1"));
        assertEquals("fe80::", canonical("fe80:0:0:0:0:0:0:0"));
        assertEquals("1:2:3:4:5:6:7:8", canonical("1:2:3:4:5:6:7:8"));
    }

    private static String canonical(String text) throws Exception {
        return Addresses.canonical((Inet6Address) InetAddress.getByName(text));
    }
}
