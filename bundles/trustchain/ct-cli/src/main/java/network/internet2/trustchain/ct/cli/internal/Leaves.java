package network.internet2.trustchain.ct.cli.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import network.internet2.trustchain.ct.LogEntry;

/**
 * Log entries decoded as RFC 6962 lays them out: the {@code leaf_input} is a
 * {@code MerkleTreeLeaf} (section 3.4) holding a {@code TimestampedEntry}; the
 * {@code extra_data} of a precertificate entry is a {@code PrecertChainEntry}
 * (section 4.6) whose first element is the whole precertificate.
 */
final class Leaves {

    /** {@code LogEntryType}. */
    static final int X509_ENTRY = 0;
    static final int PRECERT_ENTRY = 1;
    /** {@code Version} v1 and {@code MerkleLeafType} timestamped_entry. */
    private static final int V1 = 0;
    private static final int TIMESTAMPED_ENTRY = 0;
    /** SHA-256 of the issuer's SubjectPublicKeyInfo. */
    static final int ISSUER_KEY_HASH_LENGTH = 32;

    static final String X509 = "x509";
    static final String PRECERT = "precert";

    private Leaves() {
    }

    /**
     * A {@code MerkleTreeLeaf}: for an {@code x509_entry} the DER certificate,
     * for a {@code precert_entry} the issuer key hash and the DER TBSCertificate.
     */
    record Leaf(long timestamp, int entryType, byte[] certificate, byte[] issuerKeyHash, byte[] tbsCertificate,
            byte[] extensions) {
    }

    /** What {@code ct:entries} shows of an entry; {@code subject} says why when it could not be decoded. */
    record Description(String type, String subject, String notAfter, String serial) {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong if {@code leafInput}
     *         is not a version 1 {@code MerkleTreeLeaf} of a known entry type
     */
    static Leaf parse(byte[] leafInput) {
        TlsReader in = new TlsReader(leafInput);
        int version = in.u8();
        if (version != V1) {
            throw new IllegalArgumentException("MerkleTreeLeaf version " + version + " is not v1 (0)");
        }
        int leafType = in.u8();
        if (leafType != TIMESTAMPED_ENTRY) {
            throw new IllegalArgumentException("leaf type " + leafType + " is not timestamped_entry (0)");
        }
        long timestamp = in.u64();
        int entryType = in.u16();
        Leaf leaf;
        if (entryType == X509_ENTRY) {
            byte[] certificate = in.opaque24("the certificate");
            leaf = new Leaf(timestamp, entryType, certificate, null, null, in.opaque16("the extensions"));
        } else if (entryType == PRECERT_ENTRY) {
            byte[] issuerKeyHash = in.bytes(ISSUER_KEY_HASH_LENGTH, "the issuer key hash");
            byte[] tbs = in.opaque24("the TBSCertificate");
            leaf = new Leaf(timestamp, entryType, null, issuerKeyHash, tbs, in.opaque16("the extensions"));
        } else {
            throw new IllegalArgumentException("entry type " + entryType + " is neither x509_entry (0) nor "
                    + "precert_entry (1)");
        }
        if (!in.atEnd()) {
            throw new IllegalArgumentException(in.remaining() + " bytes after the MerkleTreeLeaf");
        }
        return leaf;
    }

    /**
     * @return the entry's type, subject, expiry and serial: from the certificate
     *         for an {@code x509_entry}; for a {@code precert_entry} from the
     *         precertificate in {@code extra_data}, or if that cannot be read from
     *         the TBSCertificate in the leaf. An entry that cannot be decoded is
     *         described by what is wrong with it, never by an exception.
     */
    static Description describe(LogEntry entry) {
        Leaf leaf;
        try {
            leaf = parse(entry.leafInput());
        } catch (IllegalArgumentException e) {
            return new Description("?", "cannot decode the leaf: " + e.getMessage(), "", "");
        }
        if (leaf.entryType() == X509_ENTRY) {
            try {
                return describe(X509, certificate(leaf.certificate()));
            } catch (CertificateException e) {
                return new Description(X509, "cannot decode the certificate: " + e.getMessage(), "", "");
            }
        }
        X509Certificate precertificate = precertificate(entry.extraData());
        if (precertificate != null) {
            return describe(PRECERT, precertificate);
        }
        try {
            TbsCertificates.Fields fields = TbsCertificates.read(leaf.tbsCertificate());
            return new Description(PRECERT, Format.subject(fields.subject()), Format.time(fields.notAfter()),
                    Format.serial(fields.serial()));
        } catch (IllegalArgumentException e) {
            return new Description(PRECERT, "cannot decode the TBSCertificate: " + e.getMessage(), "", "");
        }
    }

    private static Description describe(String type, X509Certificate certificate) {
        return new Description(type, Format.subject(certificate), Format.time(certificate.getNotAfter().toInstant()),
                Format.serial(certificate.getSerialNumber()));
    }

    /** @return the {@code pre_certificate} of a {@code PrecertChainEntry}, or null if it cannot be read */
    static X509Certificate precertificate(byte[] extraData) {
        try {
            return certificate(new TlsReader(extraData).opaque24("the precertificate"));
        } catch (IllegalArgumentException | CertificateException e) {
            return null;
        }
    }

    static X509Certificate certificate(byte[] der) throws CertificateException {
        if (der.length == 0) {
            throw new CertificateException("it is empty");
        }
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }
}
