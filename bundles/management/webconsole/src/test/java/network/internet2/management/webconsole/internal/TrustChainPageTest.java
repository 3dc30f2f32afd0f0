package network.internet2.management.webconsole.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;

import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;
import network.internet2.trustchain.ct.LogIdentity;
import network.internet2.trustchain.ct.SignedTreeHead;

public class TrustChainPageTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static X509Certificate root;
    private static IssuedCertificate node;
    private static IssuedCertificate expired;
    private static IssuedCertificate revoked;
    private static IssuedCertificate future;

    @BeforeClass
    public static void issueCertificates() throws Exception {
        root = TestCertificates.certificate(1, "Internet 2.0 Root", null, NOW.minus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(3650)));
        node = issued(TestCertificates.certificate(0x1f, "node1", "node1.internet2.network",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))), null, null);
        expired = issued(TestCertificates.certificate(0x20, "old", "old.internet2.network",
                NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(10))), null, null);
        revoked = issued(TestCertificates.certificate(0x21, "<stolen>", "stolen.internet2.network",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))), NOW.minus(Duration.ofHours(1)),
                RevocationReason.KEY_COMPROMISE);
        future = issued(TestCertificates.certificate(0x22, "later", null, NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(90))), null, null);
    }

    private static IssuedCertificate issued(X509Certificate certificate, Instant revokedAt, RevocationReason reason) {
        return new IssuedCertificate(certificate.getSerialNumber(), certificate, List.of(root), revokedAt, reason);
    }

    private static String render(TrustChainPage.Authority authority, BigInteger nodeSerial) {
        HtmlFragment page = new HtmlFragment();
        TrustChainPage.authority(page, authority, nodeSerial, NOW);
        return page.toString();
    }

    @Test
    public void listsCertificatesNewestFirstWithTheirStatusAndMarksTheNodes() {
        String html = render(new TrustChainPage.Authority(root, List.of(root), 1, 0,
                List.of(node, expired, revoked, future)), node.serial());
        assertTrue(html, html.contains("<code>1f</code> <span class=\"i2-badge i2-good\">node</span>"));
        assertTrue(html, html.contains("node1.internet2.network"));
        assertTrue(html, html.contains("CN=\\&lt;stolen\\&gt;")); // RFC 2253 escapes, then HTML
        assertFalse(html, html.contains("<stolen>"));
        assertTrue(html, html.indexOf("<code>22</code>") < html.indexOf("<code>1f</code> <span"));
        assertTrue(html, html.contains("<td>certificates issued</td><td>4</td>"));
        assertTrue(html, html.contains("KEY_COMPROMISE"));
        assertTrue(html, html.contains("<td>root</td><td>CN=Internet 2.0 Root</td>"));
    }

    @Test
    public void aCertificatesStatusFollowsRevocationAndValidity() {
        assertEquals("valid", TrustChainPage.status(node, NOW));
        assertEquals("expired", TrustChainPage.status(expired, NOW));
        assertEquals("revoked", TrustChainPage.status(revoked, NOW));
        assertEquals("not yet valid", TrustChainPage.status(future, NOW));
    }

    @Test
    public void showsTheLatestTreeHead() {
        byte[] rootHash = new byte[32];
        rootHash[0] = (byte) 0xeb;
        HtmlFragment page = new HtmlFragment();
        TrustChainPage.log(page, new TrustChainPage.Log(new SignedTreeHead(7, NOW.minus(Duration.ofMinutes(5))
                .toEpochMilli(), rootHash, new byte[0], new byte[0]), new LogIdentity(new byte[] {1, 2}, new byte[0],
                new byte[0], "http://[::1]:8181/ct/", Duration.ofDays(1)), 1), NOW);
        String html = page.toString();
        assertTrue(html, html.contains("<td>tree size</td><td>7</td>"));
        assertTrue(html, html.contains("2026-11-24 11:55:00 UTC (5 min ago)"));
        assertTrue(html, html.contains("<code>eb" + "00".repeat(31) + "</code>"));
        assertTrue(html, html.contains("<td>log id</td><td><code>0102</code></td>"));
        assertTrue(html, html.contains("<td>maximum merge delay</td><td>1 d</td>"));
    }

    @Test
    public void saysWhatIsNotInstalled() {
        String html = new TrustChainPage(Clock.fixed(NOW, ZoneOffset.UTC)).render();
        assertTrue(html, html.contains("The certificate authority is not installed (feature trustchain-ca)"));
        assertTrue(html, html.contains("The Certificate Transparency log is not installed (feature trustchain-ct)"));
    }
}
