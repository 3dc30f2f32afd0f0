package network.internet2.management.config.toml.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import com.fasterxml.jackson.databind.node.TextNode;

public class Ipv6AddressKindTest {

    private final Ipv6AddressKind address = new Ipv6AddressKind();

    private String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> address.toProperty(TextNode.valueOf(text)))
                .getMessage();
    }

    @Test
    public void acceptsIpv6LiteralsAsWritten() {
        assertEquals("::", address.toProperty(TextNode.valueOf("::")));
        assertEquals("::1", address.toProperty(TextNode.valueOf("::1")));
        assertEquals("2001:db8::1", address.toProperty(TextNode.valueOf("2001:db8::1")));
        assertEquals("::1", address.toProperty(TextNode.valueOf("[::1]")));
    }

    @Test
    public void refusesIpv4AndIpv4MappedAddresses() {
        assertTrue(refusal("127.0.0.1").startsWith("\"127.0.0.1\" is an IPv4 address; the node is IPv6 only"));
        assertTrue(refusal("::ffff:10.0.0.1").startsWith("\"::ffff:10.0.0.1\" is an IPv4-mapped address"));
        assertTrue(refusal("::10.0.0.1").startsWith("\"::10.0.0.1\" is an IPv4-mapped address"));
    }

    @Test
    public void refusesHostNamesWithoutLookingThemUp() {
        assertTrue(refusal("localhost").startsWith("\"localhost\" is not an IPv6 address literal (host names are "
                + "not looked up"));
        assertEquals("\"zz::1\" is not a valid IPv6 address", refusal("zz::1"));
    }

    @Test
    public void tellsWhetherTwoAddressesOverlap() {
        assertTrue(Ipv6AddressKind.overlap("::", "::1"));
        assertTrue(Ipv6AddressKind.overlap("::1", "0:0:0:0:0:0:0:1"));
        assertFalse(Ipv6AddressKind.overlap("::1", "2001:db8::1"));
    }
}
