package network.internet2.management.config.toml.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A DNS zone name such as {@code internet2.network}: at least two labels of
 * letters, digits and hyphens (not at either end), each at most 63 characters,
 * 253 in all; a final dot is allowed and dropped, and the name is lower-cased.
 */
final class DnsZoneKind implements ValueKind {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    @Override
    public String toProperty(JsonNode value) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("must be " + describe() + ", not " + ValueKind.given(value));
        }
        String zone = value.textValue().strip().toLowerCase(Locale.ROOT);
        if (zone.endsWith(".")) {
            zone = zone.substring(0, zone.length() - 1);
        }
        String[] labels = zone.split("\\.", -1);
        boolean valid = zone.length() <= 253 && labels.length >= 2;
        for (String label : labels) {
            valid &= LABEL.matcher(label).matches();
        }
        if (!valid) {
            throw new IllegalArgumentException("\"" + value.textValue() + "\" is not " + describe());
        }
        return zone;
    }

    @Override
    public JsonNode toToml(Object property) {
        TextNode node = TextNode.valueOf(String.valueOf(property).strip());
        toProperty(node);
        return node;
    }

    @Override
    public String describe() {
        return "a DNS zone name such as \"internet2.network\" (letters, digits, hyphens; two labels or more)";
    }
}
