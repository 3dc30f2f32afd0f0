package network.internet2.hypermesh.assets.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

import org.junit.Test;

public class ProxyTableTest {

    private static Inet6Address address(String text) throws Exception {
        return (Inet6Address) InetAddress.getByName(text);
    }

    @Test
    public void looksUpWhatWasAddedUntilItIsRemoved() throws Exception {
        ProxyTable table = new ProxyTable();
        Inet6Address address = address("fd12:3456:789a::1");
        table.add(address, "node1", "abc");

        assertEquals(Optional.of(new ProxyTable.Target("node1", "abc")), table.lookup(address));
        assertEquals(Optional.empty(), table.lookup(address("fd12:3456:789a::2")));

        table.remove(address, "abc");
        assertEquals(Optional.empty(), table.lookup(address));
        assertFalse(table.contains(address));
    }

    @Test
    public void removingWithAnotherAllocationIdKeepsTheEntry() throws Exception {
        ProxyTable table = new ProxyTable();
        Inet6Address address = address("fd12:3456:789a::1");
        table.add(address, "node1", "abc");
        table.remove(address, "other");
        assertTrue(table.contains(address));
    }

    @Test
    public void refusesToMapOneAddressToTwoAllocations() throws Exception {
        ProxyTable table = new ProxyTable();
        Inet6Address address = address("fd12:3456:789a::1");
        table.add(address, "node1", "abc");
        assertThrows(IllegalStateException.class, () -> table.add(address, "node1", "def"));
        assertEquals("abc", table.lookup(address).orElseThrow().allocationId());
    }
}
