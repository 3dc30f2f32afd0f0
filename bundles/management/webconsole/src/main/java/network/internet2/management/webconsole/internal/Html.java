package network.internet2.management.webconsole.internal;

import java.util.Locale;

/**
 * Escaping, and markup known to be safe: text from services, configurations or peers never reaches a page
 * unescaped.
 */
final class Html {

    private Html() {
    }

    /**
     * A piece of HTML built by this bundle's own code from escaped parts. Cells and items that are {@code Markup}
     * are written as they are; anything else is escaped.
     */
    record Markup(String html) {
    }

    /** @return the text with {@code & < > " '} replaced by character references; {@code null} as empty */
    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** @return the value as HTML: markup as it is, anything else escaped */
    static String of(Object value) {
        return value instanceof Markup markup ? markup.html() : escape(value);
    }

    /**
     * A status word in a coloured badge: green for {@code ok}, {@code valid}, {@code active}, {@code healthy},
     * red for {@code degraded}, {@code revoked}, {@code failed}, {@code firing}, {@code unhealthy}, grey otherwise.
     */
    static Markup badge(String status) {
        String word = status == null ? "unknown" : status;
        String tone = switch (word.toLowerCase(Locale.ROOT)) {
            case "ok", "valid", "active", "healthy", "listening", "installed", "required", "signed", "node" -> "good";
            case "degraded", "revoked", "failed", "firing", "unhealthy", "expired", "missing" -> "bad";
            case "not yet valid", "quarantined", "waiting", "unsigned" -> "warn";
            default -> "none";
        };
        return new Markup("<span class=\"i2-badge i2-" + tone + "\">" + escape(word) + "</span>");
    }

    /** Text in a fixed-width font, for hashes, serials, record data and addresses. */
    static Markup code(Object text) {
        return new Markup("<code>" + escape(text) + "</code>");
    }

    /** Several pieces side by side, separated by a space. */
    static Markup join(Object... parts) {
        StringBuilder html = new StringBuilder();
        for (Object part : parts) {
            if (html.length() > 0) {
                html.append(' ');
            }
            html.append(of(part));
        }
        return new Markup(html.toString());
    }
}
