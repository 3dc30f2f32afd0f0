package network.internet2.management.webconsole.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

public class FormatsTest {

    @Test
    public void writesInstantsInUtcToTheSecond() {
        assertEquals("2026-11-24 13:06:49 UTC", Formats.instant(Instant.parse("2026-11-24T13:06:49.673Z")));
        assertEquals("-", Formats.instant(null));
    }

    @Test
    public void writesDurationsInTheirTwoLargestUnits() {
        assertEquals("40 s", Formats.duration(Duration.ofSeconds(40)));
        assertEquals("5 min 2 s", Formats.duration(Duration.ofSeconds(302)));
        assertEquals("1 d", Formats.duration(Duration.ofDays(1)));
        assertEquals("3 d 4 h", Formats.duration(Duration.ofHours(76)));
    }

    @Test
    public void writesBytesInBinaryMultiplesAndOtherUnitsAsTheyAre() {
        assertEquals("64 MiB", Formats.amount(64L << 20, "bytes"));
        assertEquals("1.5 KiB", Formats.amount(1536, "bytes"));
        assertEquals("512 bytes", Formats.amount(512, "bytes"));
        assertEquals("1500 millicores", Formats.amount(1500, "millicores"));
    }

    @Test
    public void writesIpv6AddressesInTheirShortForm() throws Exception {
        assertEquals("::1", Formats.address(InetAddress.getByName("::1")));
        assertEquals("fd00:42::1", Formats.address(InetAddress.getByName("fd00:42:0:0:0:0:0:1")));
        assertEquals("fd00:0:1::", Formats.address(InetAddress.getByName("fd00:0:1:0:0:0:0:0")));
        assertEquals("2001:db8:1:2:3:4:5:6", Formats.address(InetAddress.getByName("2001:db8:1:2:3:4:5:6")));
        assertEquals("[::1]:4433", Formats.address(new InetSocketAddress(InetAddress.getByName("::1"), 4433)));
    }

    @Test
    public void writesSerialsAsTheCommandsDo() {
        assertEquals("1f", Formats.serial(BigInteger.valueOf(31)));
        assertEquals("25.0%", Formats.share(1, 4));
        assertEquals("", Formats.share(1, 0));
    }
}
