package network.internet2.management.config.toml.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** TOML's spelling of the values the mapping uses: basic strings, integers, floats, booleans. */
final class TomlLiterals {

    private TomlLiterals() {
    }

    static String format(JsonNode value) {
        if (value.isTextual()) {
            return quoted(value.textValue());
        }
        if (value.isBoolean() || value.isIntegralNumber()) {
            return value.asText();
        }
        if (value.isNumber()) {
            // Double.toString always has a '.' or an exponent: TOML reads it back as a float
            return Double.toString(value.doubleValue());
        }
        throw new IllegalArgumentException("no TOML literal for " + value.getNodeType() + " " + value);
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
