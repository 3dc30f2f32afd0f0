package network.internet2.trustchain.ca.cli.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;

/** How the commands render certificates: pure functions, so that they are tested without a shell. */
final class Format {

    /** The X.509 extension subjectAltPublicKeyInfo: a certificate carrying it is hybrid. */
    static final String ALT_PUBLIC_KEY_EXTENSION = "2.5.29.72";

    static final String VALID = "valid";
    static final String EXPIRED = "expired";
    static final String REVOKED = "revoked";

    private Format() {
    }

    /** @return the instant in UTC to the second, as ISO 8601 ({@code 2026-11-24T10:15:00Z}) */
    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * @return the subject's distinguished name in the order the certificate holds
     *         its parts, as the CA wrote it ({@code CN=TrustChain Root CA, O=Internet 2.0, …});
     *         RFC 4514 would print them the other way round
     */
    static String subject(X509Certificate certificate) {
        String rfc4514 = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        try {
            List<String> parts = new ArrayList<>();
            // LdapName numbers the RDNs from the right of the string: in encoding order
            for (Rdn rdn : new LdapName(rfc4514).getRdns()) {
                parts.add(rdn.toString());
            }
            return String.join(", ", parts);
        } catch (InvalidNameException e) {
            return rfc4514;
        }
    }

    /** @return whether the certificate carries a post-quantum alternative public key (2.5.29.72) */
    static boolean hybrid(X509Certificate certificate) {
        return certificate.getExtensionValue(ALT_PUBLIC_KEY_EXTENSION) != null;
    }

    /**
     * @return {@code revoked (reason)} if revoked, else {@code expired} once
     *         {@code notAfter} has passed, else {@code valid}
     */
    static String status(Instant notAfter, Instant revokedAt, RevocationReason reason, Instant now) {
        if (revokedAt != null) {
            return REVOKED + " (" + Reasons.name(reason != null ? reason : RevocationReason.UNSPECIFIED) + ")";
        }
        return now.isAfter(notAfter) ? EXPIRED : VALID;
    }

    /** The headers of {@link #listRow}'s cells. */
    static List<String> listHeaders(boolean withRevocationTime) {
        List<String> headers = new ArrayList<>(List.of("Serial", "Subject", "Not after", "Status"));
        if (withRevocationTime) {
            headers.add("Revoked at");
        }
        return headers;
    }

    /**
     * @return the cells of {@code trustchain:list}'s row for one certificate:
     *         serial (hex), subject, not after, status, and if asked when it was revoked
     */
    static List<String> listRow(IssuedCertificate issued, Instant now, boolean withRevocationTime) {
        X509Certificate certificate = issued.certificate();
        Instant notAfter = certificate.getNotAfter().toInstant();
        List<String> row = new ArrayList<>(List.of(Serials.hex(issued.serial()), subject(certificate), time(notAfter),
                status(notAfter, issued.revokedAt(), issued.revocationReason(), now)));
        if (withRevocationTime) {
            row.add(issued.revokedAt() == null ? "" : time(issued.revokedAt()));
        }
        return row;
    }

    /** @return {@code from .. to} of the certificate's validity period */
    static String validity(X509Certificate certificate) {
        return time(certificate.getNotBefore().toInstant()) + " .. " + time(certificate.getNotAfter().toInstant());
    }

    /**
     * Lines of {@code key  value}, the values aligned two spaces after the longest key.
     *
     * @param entries keys and values, in the order to print them
     */
    static List<String> aligned(List<Map.Entry<String, String>> entries) {
        int width = 0;
        for (Map.Entry<String, String> entry : entries) {
            width = Math.max(width, entry.getKey().length());
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries) {
            String line = entry.getKey() + " ".repeat(width - entry.getKey().length() + 2) + entry.getValue();
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    /** @return the certificate's subject, serial, validity and hybrid-ness, under {@code role} */
    static List<Map.Entry<String, String>> describe(String role, X509Certificate certificate) {
        return List.of(
                Map.entry(role, subject(certificate)),
                Map.entry("  serial", Serials.hex(certificate.getSerialNumber())),
                Map.entry("  valid", validity(certificate)),
                Map.entry("  hybrid", hybrid(certificate)
                        ? "yes (alternative public key, extension " + ALT_PUBLIC_KEY_EXTENSION + ")"
                        : "no (classical only)"));
    }
}
