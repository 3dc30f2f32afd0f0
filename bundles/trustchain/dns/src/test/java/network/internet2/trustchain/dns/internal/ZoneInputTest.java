package network.internet2.trustchain.dns.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.xbill.DNS.Name;

/** Names, addresses and files the zone is given: good ones are taken, bad ones refused with the reason. */
public class ZoneInputTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void relativeAndAbsoluteNamesMeanTheSame() {
        Name expected = TestZones.name("stoq.internet2.network.");
        assertEquals(expected, ZoneNames.inZone("stoq", TestZones.ORIGIN));
        assertEquals(expected, ZoneNames.inZone("stoq.internet2.network", TestZones.ORIGIN));
        assertEquals(expected, ZoneNames.inZone("STOQ.internet2.network.", TestZones.ORIGIN));
        assertEquals(TestZones.ORIGIN, ZoneNames.inZone("internet2.network", TestZones.ORIGIN));
    }

    @Test
    public void malformedOrForeignNamesAreRefused() {
        for (String bad : new String[] {"", "   ", "stoq.example.com.", "-bad", "a_b", "x".repeat(64), "a..b",
            "white space"}) {
            try {
                ZoneNames.inZone(bad, TestZones.ORIGIN);
                fail("accepted '" + bad + "'");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), !expected.getMessage().isBlank());
            }
        }
    }

    @Test
    public void ipv4InIpv6FormAndBadTtlsAreRefusedAndChangeNothing() {
        ZoneBook zone = new ZoneBook(TestZones.settings(), null, Clock.systemUTC());
        long serial = zone.snapshot().serial();
        Name name = TestZones.name("x.internet2.network.");
        for (String address : new String[] {"::", "::1.2.3.4"}) {
            refused(() -> zone.publish(name, TestZones.v6(address), 60, "test"));
        }
        refused(() -> zone.publish(name, TestZones.v6("fd00::1"), -1, "test"));
        refused(() -> zone.publish(name, TestZones.v6("fd00::1"), 8 * 24 * 3600, "test"));
        refused(() -> zone.publish(TestZones.name("x.example.com."), TestZones.v6("fd00::1"), 60, "test"));
        assertEquals(serial, zone.snapshot().serial());
        assertTrue(zone.entries().isEmpty());
    }

    @Test
    public void theZoneKeyIsOwnerOnlyAndTheSameAfterARestart() throws IOException {
        Path directory = folder.getRoot().toPath().resolve("dns");
        DnsFiles files = new DnsFiles(directory);
        var first = files.zoneKey();
        var again = new DnsFiles(directory).zoneKey();
        assertEquals(first.getPublic(), again.getPublic());
        assertEquals(first.getPrivate(), again.getPrivate());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory.resolve("zone-signing-key"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
    }

    @Test
    public void aDamagedKeyFileIsAClearErrorNotANewKey() throws IOException {
        Path directory = folder.getRoot().toPath();
        Files.writeString(directory.resolve("zone-signing-key"), "not base64\n");
        try {
            new DnsFiles(directory).zoneKey();
            fail("a damaged key was accepted");
        } catch (IOException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("move it away"));
        }
        assertEquals("not base64\n", Files.readString(directory.resolve("zone-signing-key")));
    }

    @Test
    public void operatorRecordsRoundTripAndABadLineIsNamed() throws IOException {
        Path directory = folder.getRoot().toPath();
        DnsFiles files = new DnsFiles(directory);
        var record = new DnsFiles.OperatorRecord(TestZones.name("www.internet2.network."), 120,
                TestZones.v6("2001:db8::80"));
        files.saveOperatorRecords(List.of(record));
        assertEquals(List.of(record), files.operatorRecords(TestZones.ORIGIN));
        Files.writeString(directory.resolve("operator-records.txt"), "www 120 192.0.2.1\n");
        try {
            files.operatorRecords(TestZones.ORIGIN);
            fail("an IPv4 address was accepted");
        } catch (IOException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("line 1"));
        }
    }

    private static void refused(Runnable change) {
        try {
            change.run();
            fail("accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), !expected.getMessage().isBlank());
        }
    }
}
