package network.internet2.management.config.toml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/** {@code true} or {@code false}, as a TOML boolean (not the string {@code "true"}). */
final class BooleanKind implements ValueKind {

    @Override
    public String toProperty(JsonNode value) {
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("must be true or false, not " + ValueKind.given(value));
        }
        return String.valueOf(value.booleanValue());
    }

    @Override
    public JsonNode toToml(Object property) {
        if (property instanceof Boolean flag) {
            return BooleanNode.valueOf(flag);
        }
        String text = String.valueOf(property).strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return BooleanNode.valueOf(Boolean.parseBoolean(text));
        }
        throw new IllegalArgumentException("'" + property + "' is not true or false");
    }

    @Override
    public String describe() {
        return "true or false";
    }
}
