package network.internet2.trustchain.ct.cli.internal;

import java.math.BigInteger;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import org.apache.karaf.shell.support.CommandException;

/** How the commands render hashes, times and certificates: pure functions, so that they are tested without a shell. */
final class Format {

    /** {@code GeneralName} dNSName, as {@link X509Certificate#getSubjectAlternativeNames()} numbers it. */
    private static final int DNS_NAME = 2;
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern BASE64_HASH = Pattern.compile("[A-Za-z0-9+/]{43}=");

    private Format() {
    }

    /** @return the bytes in lower-case hexadecimal */
    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * Parses a SHA-256 root hash as {@code ct:sth} prints it (64 hexadecimal
     * digits) or as the log's HTTP API gives it ({@code sha256_root_hash}, 44
     * characters of base64).
     *
     * @param option the option the text came from, for the message
     * @throws CommandException if the text is neither
     */
    static byte[] hash(String text, String option) throws CommandException {
        String hash = text == null ? "" : text.strip();
        if (HEX_HASH.matcher(hash).matches()) {
            return HEX.parseHex(hash);
        }
        if (BASE64_HASH.matcher(hash).matches()) {
            return Base64.getDecoder().decode(hash);
        }
        throw new CommandException(option + " '" + text + "' is not a SHA-256 hash: give its 64 hexadecimal digits "
                + "(as ct:sth prints a root hash) or its 44 base64 characters (as the log's get-sth returns it)");
    }

    /** @return the instant in UTC to the second, as ISO 8601 ({@code 2026-11-24T10:15:00Z}) */
    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * @return how long ago {@code then} was at {@code now} ({@code 3 min 5 s ago}),
     *         or that it is in the future, which means a clock is wrong
     */
    static String age(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.isNegative()) {
            return "in the future by " + span(age.negated()) + ": check the clocks of the log and of this node";
        }
        return span(age) + " ago";
    }

    /** @return a duration in its two largest units ({@code 42 s}, {@code 3 min 5 s}, {@code 2 h 10 min}, {@code 1 d}) */
    static String span(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return two(seconds / 60, "min", seconds % 60, "s");
        }
        if (seconds < 86400) {
            return two(seconds / 3600, "h", seconds % 3600 / 60, "min");
        }
        return two(seconds / 86400, "d", seconds % 86400 / 3600, "h");
    }

    private static String two(long major, String majorUnit, long minor, String minorUnit) {
        return major + " " + majorUnit + (minor == 0 ? "" : " " + minor + " " + minorUnit);
    }

    /** @return the serial in lower-case hexadecimal, as {@code trustchain:list} shows it */
    static String serial(BigInteger serial) {
        return serial.toString(16);
    }

    /**
     * @return the distinguished name in the order the certificate holds its parts
     *         ({@code CN=www.example.org, O=Example}), as {@code trustchain:list}
     *         shows it; {@code (empty)} for an empty name
     */
    static String subject(X500Principal principal) {
        String rfc2253 = principal.getName(X500Principal.RFC2253);
        if (rfc2253.isEmpty()) {
            return "(empty)";
        }
        try {
            List<String> parts = new ArrayList<>();
            // LdapName numbers the RDNs from the right of the string: in encoding order
            for (Rdn rdn : new LdapName(rfc2253).getRdns()) {
                parts.add(rdn.toString());
            }
            return String.join(", ", parts);
        } catch (InvalidNameException e) {
            return rfc2253;
        }
    }

    /**
     * @return the certificate's subject; for a certificate with an empty subject
     *         (the name only in the subjectAltName, as RFC 5280 allows) its first
     *         DNS name, as {@code DNS:www.example.org}
     */
    static String subject(X509Certificate certificate) {
        X500Principal principal = certificate.getSubjectX500Principal();
        if (!principal.getName().isEmpty()) {
            return subject(principal);
        }
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (name.size() == 2 && Integer.valueOf(DNS_NAME).equals(name.get(0))) {
                        return "DNS:" + name.get(1);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return "(empty; unreadable subjectAltName)";
        }
        return "(empty)";
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

    /** @return {@code 1 hash} or {@code n hashes} */
    static String hashes(int count) {
        return count + (count == 1 ? " hash" : " hashes");
    }
}
