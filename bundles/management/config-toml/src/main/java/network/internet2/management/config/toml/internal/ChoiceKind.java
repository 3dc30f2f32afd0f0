package network.internet2.management.config.toml.internal;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** One string out of a fixed list (a congestion control algorithm). */
final class ChoiceKind implements ValueKind {

    private final List<String> choices;

    ChoiceKind(String... choices) {
        this.choices = List.of(choices);
    }

    @Override
    public String toProperty(JsonNode value) {
        if (!value.isTextual() || !choices.contains(value.textValue())) {
            throw new IllegalArgumentException("must be " + describe() + ", not " + ValueKind.given(value));
        }
        return value.textValue();
    }

    @Override
    public JsonNode toToml(Object property) {
        TextNode node = TextNode.valueOf(String.valueOf(property).strip());
        toProperty(node);
        return node;
    }

    @Override
    public String describe() {
        return "one of \"" + String.join("\", \"", choices) + "\"";
    }
}
