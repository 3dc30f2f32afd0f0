package network.internet2.management.config.toml.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What values one TOML key takes, and how it becomes the text of a PID property
 * (what an {@code etc/<pid>.cfg} file holds) and back.
 */
interface ValueKind {

    /**
     * @param value the value as the TOML file gives it
     * @return the property's text
     * @throws IllegalArgumentException saying what is wrong with the value (the caller names the key)
     */
    String toProperty(JsonNode value);

    /**
     * @param property a property as ConfigAdmin or a {@code .cfg} file holds it: text, a number or a boolean
     * @return the TOML value that imports back to the same property
     * @throws IllegalArgumentException when the stored property is not a value of this kind
     */
    JsonNode toToml(Object property);

    /** @return what the key takes, for messages and documentation ({@code an integer from 1 to 65535}) */
    String describe();

    /** @return a short name of the TOML type given, for messages ({@code the string "443"}) */
    static String given(JsonNode value) {
        if (value.isTextual()) {
            return "the string \"" + value.textValue() + "\"";
        }
        if (value.isObject()) {
            return "a table";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isPojo()) {
            return "a date/time " + value.asText();
        }
        return TomlLiterals.format(value);
    }
}
