package network.internet2.management.webconsole.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import network.internet2.trustchain.dns.DnsRecord;
import network.internet2.trustchain.dns.DnsStatistics;

public class DnsPageTest {

    private static final String ZONE = "internet2.network.";

    private static final List<DnsRecord> RECORDS = List.of(
            new DnsRecord(ZONE, "SOA", 3600, "ns1.internet2.network. hostmaster.internet2.network. 7 3600 600 "
                    + "604800 300", "zone"),
            new DnsRecord(ZONE, "RRSIG", 3600, "SOA 13 2 3600 20261201000000 20261124000000 4711 internet2.network. "
                    + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=", "zone"),
            new DnsRecord("evil." + ZONE, "AAAA", 60, "fd00::<script>", "<b>bundle</b>"));

    @Test
    public void listsTheZonesRecordsWithTheApexAndEscapesTheirData() {
        HtmlFragment page = new HtmlFragment();
        DnsPage.zone(page, DnsPage.apex(RECORDS), RECORDS, List.of("internet2.network. 3600 IN DS 4711 13 2 ABCDEF"));
        DnsPage.statistics(page, new DnsStatistics(12, 1, Map.of("AAAA", 9L, "SOA", 3L),
                Map.of("NOERROR", 11L, "NXDOMAIN", 1L), 0, 2, 35.25, 120));
        DnsPage.records(page, RECORDS);
        String html = page.toString();
        assertTrue(html, html.contains("<h2>Zone internet2.network.</h2>"));
        assertTrue(html, html.contains("<tr><td>internet2.network.</td><td>SOA</td><td class=\"i2-num\">3600</td>"));
        assertTrue(html, html.contains("fd00::&lt;script&gt;") && html.contains("&lt;b&gt;bundle&lt;/b&gt;"));
        assertFalse(html, html.contains("<script>"));
        assertTrue(html, html.contains("4711 internet2.network. QUJDREVGR0hJSktM\u2026"));
        assertTrue(html, html.contains("<code>internet2.network. 3600 IN DS 4711 13 2 ABCDEF</code>"));
        assertTrue(html, html.contains("<td>queries answered</td><td>12</td>"));
        assertTrue(html, html.contains("<tr><td>AAAA</td><td class=\"i2-num\">9</td></tr><tr><td>SOA</td>"));
    }

    @Test
    public void theApexIsTheSoaOwner() {
        assertEquals(ZONE, DnsPage.apex(RECORDS));
        assertEquals(null, DnsPage.apex(List.of()));
    }

    @Test
    public void anEmptyUnsignedZoneSaysSo() {
        HtmlFragment page = new HtmlFragment();
        DnsPage.zone(page, "other.example.", List.of(), List.of());
        DnsPage.records(page, List.of());
        String html = page.toString();
        assertTrue(html, html.contains("<h2>Zone other.example.</h2>") && html.contains("The zone has no records."));
        assertTrue(html, html.contains("DNSSEC is turned off") && html.contains("i2-warn\">unsigned"));
    }

    @Test
    public void shortensSignaturesAndKeysButNotOtherData() {
        assertEquals("257 3 13 mdsswUyr3DPW132m\u2026", DnsPage.shortData(new DnsRecord(ZONE, "DNSKEY", 3600,
                "257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0d xCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==",
                "zone")));
        assertEquals("fd00::1", DnsPage.shortData(new DnsRecord(ZONE, "AAAA", 60, "fd00::1", "zone")));
    }

    @Test
    public void saysWhenTheDnsServerIsNotInstalled() {
        String html = new DnsPage().render();
        assertTrue(html, html.contains("The DNS server is not installed (feature trustchain-dns)."));
    }
}
