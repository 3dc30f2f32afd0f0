package network.internet2.trustchain.dns.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.Test;

import network.internet2.trustchain.dns.NameResolutionException;

public class ZoneNameServiceTest {

    private final MutableClock clock = new MutableClock();
    private final ZoneBook zone = new ZoneBook(TestZones.settings(), null, clock);
    private final ZoneNameService names = new ZoneNameService(zone, clock);

    @Test
    public void resolvesTheNodeAndItsServicesWithOrWithoutTheFinalDot() throws NameResolutionException {
        assertEquals(List.of(TestZones.NODE), names.resolve("node1.internet2.network"));
        assertEquals(List.of(TestZones.NODE), names.resolve("STOQ.internet2.network."));
        assertEquals("internet2.network.", names.zone());
    }

    @Test
    public void aWithdrawnNameStopsResolvingAtOnceDespiteTheCache() throws NameResolutionException {
        ZoneBook.Entry entry = zone.publish(TestZones.name("peer.internet2.network."), TestZones.v6("fd00::9"),
                3600, "test");
        assertEquals(List.of(TestZones.v6("fd00::9")), names.resolve("peer.internet2.network"));
        assertEquals(1, names.cached());
        zone.withdraw(entry.id());
        expectFailure("peer.internet2.network", "NXDOMAIN");
    }

    @Test
    public void answersAreCachedForTheirTtl() throws NameResolutionException {
        names.resolve("ca.internet2.network");
        names.resolve("ct.internet2.network");
        assertEquals(2, names.cached());
        clock.advance(301);
        names.resolve("ca.internet2.network");
        assertEquals("the expired ca answer was replaced, not added", 2, names.cached());
    }

    @Test
    public void outsideTheZoneIsAnErrorNeverTheSystemResolver() {
        expectFailure("localhost", "outside the zone");
        expectFailure("example.com.", "system resolver is never asked");
        expectFailure("internet2.network", "no AAAA");
        expectFailure("", "a name is required");
        expectFailure("bad..name", "not a domain name");
    }

    private void expectFailure(String name, String reason) {
        try {
            names.resolve(name);
            fail(name + " resolved");
        } catch (NameResolutionException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains(reason));
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T00:00:00Z");

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
