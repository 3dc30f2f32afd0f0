package network.internet2.trustchain.ct.cli.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import javax.security.auth.x500.X500Principal;

/**
 * Reads the serial, subject and expiry out of a DER {@code TBSCertificate}
 * (RFC 5280 section 4.1), which is all a {@code precert_entry}'s leaf holds:
 * there is no signature around it, so {@code CertificateFactory} cannot parse
 * it. A small DER walker over the first fields, nothing more.
 */
final class TbsCertificates {

    private static final int INTEGER = 0x02;
    private static final int SEQUENCE = 0x30;
    private static final int UTC_TIME = 0x17;
    private static final int GENERALIZED_TIME = 0x18;
    /** {@code [0] EXPLICIT Version}. */
    private static final int VERSION = 0xa0;

    /** The fields {@code ct:entries} shows. */
    record Fields(BigInteger serial, X500Principal subject, Instant notAfter) {
    }

    private TbsCertificates() {
    }

    /**
     * @param der a DER {@code TBSCertificate}
     * @throws IllegalArgumentException saying what is wrong if it is not one
     */
    static Fields read(byte[] der) {
        Reader outer = new Reader(der, 0, der.length);
        Element tbs = outer.next("TBSCertificate");
        tbs.expect(SEQUENCE, "TBSCertificate");
        if (!outer.atEnd()) {
            throw new IllegalArgumentException("bytes after the TBSCertificate");
        }
        Reader fields = tbs.contents();
        Element first = fields.next("serialNumber");
        if (first.tag == VERSION) {
            first = fields.next("serialNumber");
        }
        first.expect(INTEGER, "serialNumber");
        if (first.length() == 0) {
            throw new IllegalArgumentException("empty serialNumber");
        }
        BigInteger serial = new BigInteger(first.bytes());
        fields.next("signature").expect(SEQUENCE, "signature AlgorithmIdentifier");
        fields.next("issuer").expect(SEQUENCE, "issuer Name");
        Element validity = fields.next("validity");
        validity.expect(SEQUENCE, "validity");
        Reader times = validity.contents();
        times.next("notBefore");
        Instant notAfter = time(times.next("notAfter"));
        Element subject = fields.next("subject");
        subject.expect(SEQUENCE, "subject Name");
        X500Principal principal;
        try {
            principal = new X500Principal(subject.encoded());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("subject is not a distinguished name: " + e.getMessage(), e);
        }
        return new Fields(serial, principal, notAfter);
    }

    /** UTCTime {@code YYMMDDHHMMSSZ} (years 1950-2049) or GeneralizedTime {@code YYYYMMDDHHMMSSZ}. */
    private static Instant time(Element element) {
        String text = new String(element.bytes(), StandardCharsets.US_ASCII);
        int year;
        String rest;
        if (element.tag == UTC_TIME && text.length() == 13) {
            int yy = digits(text, 0, 2);
            year = yy >= 50 ? 1900 + yy : 2000 + yy;
            rest = text.substring(2);
        } else if (element.tag == GENERALIZED_TIME && text.length() == 15) {
            year = digits(text, 0, 4);
            rest = text.substring(4);
        } else {
            throw new IllegalArgumentException("notAfter is neither a UTCTime nor a GeneralizedTime in DER form");
        }
        if (!rest.endsWith("Z")) {
            throw new IllegalArgumentException("notAfter is not in UTC ('" + text + "')");
        }
        try {
            return LocalDateTime.of(year, digits(rest, 0, 2), digits(rest, 2, 4), digits(rest, 4, 6),
                    digits(rest, 6, 8), digits(rest, 8, 10)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("notAfter is not a date ('" + text + "')", e);
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("notAfter is not a date ('" + text + "')");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** One DER element: its tag, where its header starts and where its contents are. */
    private static final class Element {

        final byte[] data;
        final int tag;
        final int start;
        final int contentStart;
        final int end;

        Element(byte[] data, int tag, int start, int contentStart, int end) {
            this.data = data;
            this.tag = tag;
            this.start = start;
            this.contentStart = contentStart;
            this.end = end;
        }

        void expect(int expected, String what) {
            if (tag != expected) {
                throw new IllegalArgumentException(what + " has DER tag 0x" + Integer.toHexString(tag)
                        + ", not 0x" + Integer.toHexString(expected));
            }
        }

        int length() {
            return end - contentStart;
        }

        byte[] bytes() {
            return Arrays.copyOfRange(data, contentStart, end);
        }

        byte[] encoded() {
            return Arrays.copyOfRange(data, start, end);
        }

        Reader contents() {
            return new Reader(data, contentStart, end);
        }
    }

    /** Walks the elements between two offsets, one after the other. */
    private static final class Reader {

        private final byte[] data;
        private int position;
        private final int end;

        Reader(byte[] data, int position, int end) {
            this.data = data;
            this.position = position;
            this.end = end;
        }

        boolean atEnd() {
            return position == end;
        }

        Element next(String what) {
            int start = position;
            if (end - position < 2) {
                throw new IllegalArgumentException("truncated before " + what);
            }
            int tag = data[position++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw new IllegalArgumentException(what + " has a multi-byte tag, which a TBSCertificate never has");
            }
            int first = data[position++] & 0xff;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int octets = first & 0x7f;
                if (octets == 0 || octets > 4) {
                    throw new IllegalArgumentException(what + " has a length DER does not allow");
                }
                if (end - position < octets) {
                    throw new IllegalArgumentException("truncated in the length of " + what);
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (data[position++] & 0xff);
                }
            }
            if (length > end - position) {
                throw new IllegalArgumentException("truncated: " + what + " says " + length + " bytes, only "
                        + (end - position) + " left");
            }
            int contentStart = position;
            position += (int) length;
            return new Element(data, tag, start, contentStart, position);
        }
    }
}
