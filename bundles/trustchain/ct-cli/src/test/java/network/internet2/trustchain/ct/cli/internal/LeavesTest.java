package network.internet2.trustchain.ct.cli.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;

import org.junit.Test;

import network.internet2.trustchain.ct.LogEntry;

public class LeavesTest {

    private static final long TIMESTAMP = 1_777_777_777_777L;
    private static final byte[] ISSUER_KEY_HASH = ReferenceTree.sha256(new byte[] {42});
    private static final Instant NOT_AFTER = Instant.parse("2027-06-30T12:00:00Z");

    private static LogEntry entry(byte[] leafInput, byte[] extraData) {
        return new LogEntry(0, leafInput, extraData);
    }

    /** A precertificate and the TBSCertificate the log puts in its leaf (the same without the poison). */
    private static X509Certificate precertificate() throws Exception {
        return TestCertificates.precertificate("CN=pre.internet2.network, O=Internet 2.0", BigInteger.valueOf(0xbeef),
                NOT_AFTER);
    }

    private static byte[] tbsOfTheFinalCertificate() throws Exception {
        return TestCertificates.certificate("CN=pre.internet2.network, O=Internet 2.0", BigInteger.valueOf(0xbeef),
                NOT_AFTER).getTBSCertificate();
    }

    @Test
    public void parsesBothEntryTypesOfAMerkleTreeLeaf() throws Exception {
        byte[] certificate = TestCertificates.certificate("CN=a", BigInteger.ONE, NOT_AFTER).getEncoded();
        Leaves.Leaf x509 = Leaves.parse(CtEncoding.x509Leaf(TIMESTAMP, certificate));
        assertEquals(TIMESTAMP, x509.timestamp());
        assertEquals(Leaves.X509_ENTRY, x509.entryType());
        assertArrayEquals(certificate, x509.certificate());
        assertArrayEquals(new byte[0], x509.extensions());

        byte[] tbs = tbsOfTheFinalCertificate();
        Leaves.Leaf precert = Leaves.parse(CtEncoding.precertLeaf(TIMESTAMP, ISSUER_KEY_HASH, tbs));
        assertEquals(Leaves.PRECERT_ENTRY, precert.entryType());
        assertArrayEquals(ISSUER_KEY_HASH, precert.issuerKeyHash());
        assertArrayEquals(tbs, precert.tbsCertificate());
    }

    @Test
    public void describesAnX509EntryFromItsCertificate() throws Exception {
        X509Certificate certificate = TestCertificates.certificate("CN=www.internet2.network, O=Internet 2.0",
                new BigInteger("0123456789abcdef0123", 16), NOT_AFTER);
        assertEquals(new Leaves.Description("x509", "CN=www.internet2.network, O=Internet 2.0",
                "2027-06-30T12:00:00Z", "123456789abcdef0123"),
                Leaves.describe(entry(CtEncoding.x509Leaf(TIMESTAMP, certificate.getEncoded()),
                        CtEncoding.x509Extra())));
    }

    @Test
    public void describesACertificateWithoutSubjectByItsDnsName() throws Exception {
        X509Certificate certificate = TestCertificates.withoutSubject("anon.internet2.network", BigInteger.TWO,
                NOT_AFTER);
        assertEquals("DNS:anon.internet2.network", Leaves.describe(entry(
                CtEncoding.x509Leaf(TIMESTAMP, certificate.getEncoded()), new byte[0])).subject());
    }

    @Test
    public void describesAPrecertEntryFromThePrecertificateInItsExtraData() throws Exception {
        Leaves.Description expected = new Leaves.Description("precert", "CN=pre.internet2.network, O=Internet 2.0",
                "2027-06-30T12:00:00Z", "beef");
        byte[] extra = CtEncoding.precertExtra(precertificate());
        assertEquals(expected, Leaves.describe(entry(
                CtEncoding.precertLeaf(TIMESTAMP, ISSUER_KEY_HASH, tbsOfTheFinalCertificate()), extra)));
        // the extra data is preferred: the leaf's TBSCertificate is not even read
        assertEquals(expected, Leaves.describe(entry(
                CtEncoding.precertLeaf(TIMESTAMP, ISSUER_KEY_HASH, new byte[] {1, 2, 3}), extra)));
    }

    @Test
    public void fallsBackToTheTbsCertificateInTheLeafWithoutExtraData() throws Exception {
        Leaves.Description expected = new Leaves.Description("precert", "CN=pre.internet2.network, O=Internet 2.0",
                "2027-06-30T12:00:00Z", "beef");
        byte[] leaf = CtEncoding.precertLeaf(TIMESTAMP, ISSUER_KEY_HASH, tbsOfTheFinalCertificate());
        assertEquals(expected, Leaves.describe(entry(leaf, new byte[0])));
        assertEquals(expected, Leaves.describe(entry(leaf, new byte[] {0, 0, 3, 1, 2, 3})));
    }

    @Test
    public void describesWhatCannotBeDecodedInsteadOfFailing() throws Exception {
        byte[] good = CtEncoding.x509Leaf(TIMESTAMP, new byte[] {1});
        byte[] version1 = good.clone();
        version1[0] = 1;
        assertEquals(new Leaves.Description("?", "cannot decode the leaf: MerkleTreeLeaf version 1 is not v1 (0)",
                "", ""), Leaves.describe(entry(version1, new byte[0])));

        byte[] type2 = good.clone();
        type2[11] = 2;
        assertEquals("cannot decode the leaf: entry type 2 is neither x509_entry (0) nor precert_entry (1)",
                Leaves.describe(entry(type2, new byte[0])).subject());

        byte[] truncated = Arrays.copyOf(good, 12);
        assertEquals("cannot decode the leaf: truncated: the 3-byte length of the certificate needs 3 bytes at "
                + "offset 12, only 0 left", Leaves.describe(entry(truncated, new byte[0])).subject());

        byte[] trailing = Arrays.copyOf(good, good.length + 2);
        assertEquals("cannot decode the leaf: 2 bytes after the MerkleTreeLeaf",
                Leaves.describe(entry(trailing, new byte[0])).subject());

        Leaves.Description garbage = Leaves.describe(entry(good, new byte[0]));
        assertEquals("x509", garbage.type());
        assertEquals("", garbage.serial());
        assertTrue(garbage.subject(), garbage.subject().startsWith("cannot decode the certificate: "));

        Leaves.Description badPrecert = Leaves.describe(entry(
                CtEncoding.precertLeaf(TIMESTAMP, ISSUER_KEY_HASH, new byte[] {0x30, 0}), new byte[0]));
        assertEquals(new Leaves.Description("precert", "cannot decode the TBSCertificate: truncated before "
                + "serialNumber", "", ""), badPrecert);
        assertThrows(IllegalArgumentException.class, () -> Leaves.parse(new byte[0]));
    }
}
