package network.internet2.trustchain.dns.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import network.internet2.trustchain.dns.DnsRecord;

public class FormatTest {

    private static DnsRecord rrsig(String data) {
        return new DnsRecord("internet2.network.", "RRSIG", 300, data, "zone");
    }

    @Test
    public void shortensOnlyTheSignatureOfAnRrsig() {
        String fields = "AAAA 13 3 300 20261201000000 20261124000000 4711 internet2.network.";
        String signature = "MEUCIQDx" + "a".repeat(80);
        assertEquals(fields + " MEUCIQDx...", Format.data(rrsig(fields + " " + signature), false));
        assertEquals(fields + " " + signature, Format.data(rrsig(fields + " " + signature), true));
        assertEquals(fields + " abc", Format.data(rrsig(fields + " abc"), false));
        // a signature split over several tokens is still shortened
        assertEquals(fields + " MEUCIQDx...", Format.data(rrsig(fields + " MEUC IQDx aaaa"), false));
    }

    @Test
    public void cutsAnRrsigInAnotherFormAtAReadableWidth() {
        String odd = "x".repeat(100);
        String cut = Format.data(rrsig(odd), false);
        assertEquals(Format.RRSIG_DATA_WIDTH, cut.length());
        assertTrue(cut.endsWith("..."));
        assertEquals("short", Format.data(rrsig("short"), false));
    }

    @Test
    public void matchesTypesInAnyCaseAndOwnersExactly() {
        DnsRecord record = new DnsRecord("a.internet2.network.", "AAAA", 60, "2001:db8::1", "operator");
        assertTrue(Format.matches(record, null, null));
        assertTrue(Format.matches(record, "aaaa", null));
        assertTrue(Format.matches(record, "AAAA", "operator"));
        assertFalse(Format.matches(record, "A", null));
        assertFalse(Format.matches(record, null, "zone"));
    }

    @Test
    public void printsARecordInZoneFileOrderWithItsOwner() {
        assertEquals("a.internet2.network. 60 AAAA 2001:db8::1 (operator)",
                Format.line(new DnsRecord("a.internet2.network.", "AAAA", 60, "2001:db8::1", "operator")));
    }

    @Test
    public void formatsFiguresInvariantly() {
        assertEquals("12.3 \u00b5s", Format.micros(12.345));
        assertEquals("33.3%", Format.share(1, 3));
        assertEquals("", Format.share(1, 0));
        assertEquals(List.of(Map.entry("b", 5L), Map.entry("a", 2L), Map.entry("c", 2L)),
                Format.byCount(Map.of("a", 2L, "b", 5L, "c", 2L)));
        assertEquals(List.of("Queries  1", "Max      2 \u00b5s", "Empty"),
                Format.aligned(List.of(Map.entry("Queries", "1"), Map.entry("Max", "2 \u00b5s"),
                        Map.entry("Empty", ""))));
    }
}
