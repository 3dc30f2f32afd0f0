package network.internet2.trustchain.ct.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;

import org.junit.Test;

/** The DER walker against what the JDK reads from the same certificates. */
public class TbsCertificatesTest {

    private static void readsAsTheJdk(X509Certificate certificate) throws Exception {
        TbsCertificates.Fields fields = TbsCertificates.read(certificate.getTBSCertificate());
        assertEquals(certificate.getSerialNumber(), fields.serial());
        assertEquals(certificate.getSubjectX500Principal(), fields.subject());
        assertEquals(certificate.getNotAfter().toInstant(), fields.notAfter());
    }

    @Test
    public void readsSerialSubjectAndExpiryAsTheJdkDoes() throws Exception {
        // UTCTime expiry, small serial
        readsAsTheJdk(TestCertificates.precertificate("CN=www.internet2.network, O=Internet 2.0, C=CH",
                BigInteger.valueOf(7), Instant.parse("2027-03-04T05:06:07Z")));
        // GeneralizedTime expiry (from 2050 on), a 20-octet serial with its top bit set (a leading 0 in DER)
        BigInteger serial = new BigInteger("ff" + "01".repeat(19), 16);
        X509Certificate late = TestCertificates.precertificate("CN=late.internet2.network", serial,
                Instant.parse("2051-12-31T23:59:59Z"));
        readsAsTheJdk(late);
        assertEquals(Instant.parse("2051-12-31T23:59:59Z"), TbsCertificates.read(late.getTBSCertificate()).notAfter());
        // a long subject, whose length takes two octets
        readsAsTheJdk(TestCertificates.certificate("CN=" + "a".repeat(60) + ", OU=" + "b".repeat(200),
                BigInteger.ONE, Instant.parse("2030-01-01T00:00:00Z")));
    }

    @Test
    public void refusesWhatIsNotATbsCertificateWithAReason() throws Exception {
        X509Certificate certificate = TestCertificates.precertificate("CN=x.internet2.network", BigInteger.TEN,
                Instant.parse("2027-01-01T00:00:00Z"));
        byte[] tbs = certificate.getTBSCertificate();
        for (int length = 0; length < tbs.length; length++) {
            byte[] prefix = Arrays.copyOf(tbs, length);
            IllegalArgumentException e = assertThrows("prefix of " + length, IllegalArgumentException.class,
                    () -> TbsCertificates.read(prefix));
            assertTrue(e.getMessage(), e.getMessage().contains("truncated"));
        }
        byte[] longer = Arrays.copyOf(tbs, tbs.length + 1);
        assertEquals("bytes after the TBSCertificate",
                assertThrows(IllegalArgumentException.class, () -> TbsCertificates.read(longer)).getMessage());
        // a whole certificate is not its TBSCertificate
        assertEquals("serialNumber has DER tag 0x30, not 0x2", assertThrows(IllegalArgumentException.class,
                () -> TbsCertificates.read(certificate.getEncoded())).getMessage());
    }

    @Test
    public void neverFailsOtherwiseOnDamagedInput() throws Exception {
        byte[] tbs = TestCertificates.precertificate("CN=x.internet2.network", BigInteger.TEN,
                Instant.parse("2027-01-01T00:00:00Z")).getTBSCertificate();
        for (int i = 0; i < tbs.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = tbs.clone();
                damaged[i] ^= (byte) (1 << bit);
                try {
                    TbsCertificates.read(damaged);
                } catch (IllegalArgumentException expected) {
                    // what describe() reports; anything else would escape it
                }
            }
        }
    }
}
