package network.internet2.trustchain.dns.cli.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import network.internet2.trustchain.dns.DnsRecord;

/** How the commands render records and figures: pure functions, so that they are tested without a shell. */
final class Format {

    /** The owner the DNS server gives the records {@code dns:add} adds. */
    static final String OPERATOR = "operator";

    /** How many characters of an RRSIG's signature {@code dns:records} shows without {@code --full}. */
    static final int RRSIG_SIGNATURE_CHARS = 8;

    /** How many characters of an RRSIG's data are shown, without {@code --full}, if it is not in the usual form. */
    static final int RRSIG_DATA_WIDTH = 64;

    /** Fields of an RRSIG before its signature: type, algorithm, labels, TTL, expiry, inception, key tag, signer. */
    private static final int RRSIG_FIELDS = 8;

    static final String ELLIPSIS = "...";

    private Format() {
    }

    /** @return the headers of {@code dns:records}' table, in the order of {@link #recordRow}'s cells */
    static List<String> recordHeaders() {
        return List.of("Name", "Type", "TTL", "Data", "Owner");
    }

    /** @return the cells of {@code dns:records}' row for one record */
    static List<String> recordRow(DnsRecord record, boolean full) {
        return List.of(record.name(), record.type(), Long.toString(record.ttl()), data(record, full),
                record.owner());
    }

    /**
     * @return the record's data; for an RRSIG, unless {@code full}, the fields
     *         that matter to a reader (type covered, algorithm, labels, TTL,
     *         expiry, inception, key tag, signer) and the first
     *         {@link #RRSIG_SIGNATURE_CHARS} characters of the base64 signature
     *         followed by {@code ...}; data not in that form is cut at
     *         {@link #RRSIG_DATA_WIDTH} characters
     */
    static String data(DnsRecord record, boolean full) {
        String data = record.data();
        if (full || !"RRSIG".equalsIgnoreCase(record.type())) {
            return data;
        }
        String[] fields = data.strip().split("\\s+");
        if (fields.length > RRSIG_FIELDS) {
            String signature = String.join("", List.of(fields).subList(RRSIG_FIELDS, fields.length));
            if (signature.length() <= RRSIG_SIGNATURE_CHARS) {
                return data;
            }
            return String.join(" ", List.of(fields).subList(0, RRSIG_FIELDS)) + " "
                    + signature.substring(0, RRSIG_SIGNATURE_CHARS) + ELLIPSIS;
        }
        if (data.length() <= RRSIG_DATA_WIDTH) {
            return data;
        }
        return data.substring(0, RRSIG_DATA_WIDTH - ELLIPSIS.length()) + ELLIPSIS;
    }

    /**
     * @param type  the type to keep, any case; null keeps every type
     * @param owner the owner to keep, exactly; null keeps every owner
     * @return whether {@code dns:records} shows the record
     */
    static boolean matches(DnsRecord record, String type, String owner) {
        return (type == null || record.type().equalsIgnoreCase(type.trim()))
                && (owner == null || record.owner().equals(owner.trim()));
    }

    /**
     * @return the record in zone-file order, then whose it is:
     *         {@code a.internet2.network. 300 AAAA 2001:db8::7 (operator)}
     */
    static String line(DnsRecord record) {
        return record.name() + " " + record.ttl() + " " + record.type() + " " + record.data()
                + " (" + record.owner() + ")";
    }

    /** @return a time in microseconds with one decimal ({@code 12.5 µs}) */
    static String micros(double micros) {
        return String.format(Locale.ROOT, "%.1f \u00b5s", micros);
    }

    /** @return {@code part} as a percentage of {@code whole}, one decimal ({@code 12.5%}); empty if whole is 0 */
    static String share(long part, long whole) {
        return whole <= 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** @return the counts, largest first, equal counts by name */
    static List<Map.Entry<String, Long>> byCount(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return sorted;
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
}
