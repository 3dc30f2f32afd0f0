package network.internet2.trustchain.dns.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Parses and checks names given to the zone by bundles, the operator and configuration. */
final class ZoneNames {

    /** A host name label (RFC 1123), or an underscore label as service names use (RFC 8552). */
    private static final Pattern LABEL = Pattern.compile("(_?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)");

    private ZoneNames() {
    }

    /** @return {@code zone} as an absolute name, checked label by label */
    static Name zone(String zone) {
        String text = zone == null ? "" : zone.trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.equals(".")) {
            throw new IllegalArgumentException("zone must be a domain name such as internet2.network, got '"
                    + zone + "'");
        }
        return parse(text.endsWith(".") ? text : text + ".", zone);
    }

    /**
     * @param name a name relative to {@code origin} ({@code stoq}) or absolute
     *             ({@code stoq.internet2.network.} or without the final dot)
     * @return the absolute name, lower case
     * @throws IllegalArgumentException if it is malformed or outside the zone
     */
    static Name inZone(String name, Name origin) {
        String text = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a name is required");
        }
        String originText = origin.toString(true).toLowerCase(Locale.ROOT);
        Name absolute;
        if (text.endsWith(".")) {
            absolute = parse(text, name);
        } else if (text.equals(originText) || text.endsWith("." + originText)) {
            absolute = parse(text + ".", name);
        } else {
            absolute = parse(text + "." + origin, name);
        }
        if (!absolute.subdomain(origin)) {
            throw new IllegalArgumentException("'" + name + "' is outside the zone " + origin);
        }
        return absolute;
    }

    /** @return {@code label}, checked to be a single host name label */
    static String label(String label, String what) {
        String text = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        if (!LABEL.matcher(text).matches()) {
            throw new IllegalArgumentException(what + " '" + label + "' is not a DNS label "
                    + "(letters, digits and inner hyphens, at most 63 characters)");
        }
        return text;
    }

    private static Name parse(String text, String asGiven) {
        Name parsed;
        try {
            parsed = Name.fromString(text);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("'" + asGiven + "' is not a domain name: " + e.getMessage(), e);
        }
        for (int i = 0; i < parsed.labels() - 1; i++) {
            String label = parsed.getLabelString(i);
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("'" + asGiven + "' has a label '" + label
                        + "' that is not a host name label (letters, digits and inner hyphens)");
            }
        }
        return parsed;
    }
}
