package network.internet2.trustchain.ca.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;

public class FormatTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30.789Z");

    @Test
    public void showsTimesInUtcToTheSecond() {
        assertEquals("2026-11-24T10:15:30Z", Format.time(NOW));
    }

    @Test
    public void statusIsValidExpiredOrRevokedWithItsReason() {
        Instant later = NOW.plusSeconds(3600);
        assertEquals("valid", Format.status(later, null, null, NOW));
        assertEquals("expired", Format.status(NOW.minusSeconds(1), null, null, NOW));
        assertEquals("revoked (keyCompromise)",
                Format.status(later, NOW.minusSeconds(5), RevocationReason.KEY_COMPROMISE, NOW));
        // revocation wins over expiry: the CRL still lists it
        assertEquals("revoked (superseded)",
                Format.status(NOW.minusSeconds(1), NOW.minusSeconds(5), RevocationReason.SUPERSEDED, NOW));
        assertEquals("revoked (unspecified)", Format.status(later, NOW.minusSeconds(5), null, NOW));
    }

    @Test
    public void listRowHasHexSerialSubjectExpiryAndStatus() throws Exception {
        BigInteger serial = new BigInteger("4a0b0c0d0e0f", 16);
        Instant notAfter = NOW.plus(1, ChronoUnit.DAYS);
        X509Certificate certificate = TestCertificates.certificate("CN=node7.internet2.network", serial,
                NOW.minusSeconds(300), notAfter, false);

        IssuedCertificate valid = new IssuedCertificate(serial, certificate, List.of(), null, null);
        assertEquals(List.of("4a0b0c0d0e0f", "CN=node7.internet2.network", Format.time(notAfter), "valid"),
                Format.listRow(valid, NOW, false));
        assertEquals(List.of("Serial", "Subject", "Not after", "Status"), Format.listHeaders(false));

        Instant revokedAt = NOW.minusSeconds(60);
        IssuedCertificate revoked = new IssuedCertificate(serial, certificate, List.of(), revokedAt,
                RevocationReason.KEY_COMPROMISE);
        assertEquals(List.of("4a0b0c0d0e0f", "CN=node7.internet2.network", Format.time(notAfter),
                "revoked (keyCompromise)", "2026-11-24T10:14:30Z"), Format.listRow(revoked, NOW, true));
        assertEquals(Format.listHeaders(true).size(), Format.listRow(valid, NOW, true).size());
        assertEquals("", Format.listRow(valid, NOW, true).get(4));

        assertEquals("expired", Format.listRow(valid, notAfter.plusSeconds(1), false).get(3));
    }

    @Test
    public void showsSubjectsInTheOrderTheCertificateHoldsThem() throws Exception {
        X509Certificate certificate = TestCertificates.certificate(
                "CN=TrustChain Root CA, O=Internet 2.0, OU=internet2.network", BigInteger.ONE, NOW,
                NOW.plusSeconds(60), false);
        assertEquals("CN=TrustChain Root CA, O=Internet 2.0, OU=internet2.network", Format.subject(certificate));
        X509Certificate escaped = TestCertificates.certificate("CN=a\\,b, O=x+OU=y", BigInteger.ONE, NOW,
                NOW.plusSeconds(60), false);
        assertEquals("CN=a\\,b, O=x+OU=y", Format.subject(escaped));
    }

    @Test
    public void aCertificateWithAnAlternativePublicKeyIsHybrid() throws Exception {
        Instant notAfter = NOW.plus(90, ChronoUnit.DAYS);
        X509Certificate hybrid = TestCertificates.certificate("CN=TrustChain Root CA, O=Internet 2.0",
                BigInteger.TEN, NOW, notAfter, true);
        X509Certificate classical = TestCertificates.certificate("CN=classical", BigInteger.TWO, NOW, notAfter, false);
        assertTrue(Format.hybrid(hybrid));
        assertFalse(Format.hybrid(classical));

        List<Map.Entry<String, String>> described = Format.describe("Root CA", hybrid);
        assertEquals(Map.entry("Root CA", "CN=TrustChain Root CA, O=Internet 2.0"), described.get(0));
        assertEquals(Map.entry("  serial", "a"), described.get(1));
        assertEquals(Map.entry("  valid", "2026-11-24T10:15:30Z .. " + Format.time(notAfter)), described.get(2));
        assertTrue(described.get(3).getValue().startsWith("yes"));
        assertTrue(Format.describe("x", classical).get(3).getValue().startsWith("no"));
    }

    @Test
    public void alignsValuesTwoSpacesAfterTheLongestKey() {
        assertEquals(List.of("Root CA       subject", "  serial      1f", "Certificates  3 issued", "Empty"),
                Format.aligned(List.of(Map.entry("Root CA", "subject"), Map.entry("  serial", "1f"),
                        Map.entry("Certificates", "3 issued"), Map.entry("Empty", ""))));
    }
}
