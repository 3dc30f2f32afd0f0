package network.internet2.management.config.toml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;

/**
 * A TOML number (float, or an integer taken as one) above a lower bound and at
 * most an upper one; infinity and nan are refused.
 */
final class DecimalKind implements ValueKind {

    private final double above;
    private final double atMost;
    private final String what;

    /**
     * @param above  the value must be greater than this
     * @param atMost the value must be at most this
     * @param what   what the number is, for messages
     */
    DecimalKind(double above, double atMost, String what) {
        this.above = above;
        this.atMost = atMost;
        this.what = what;
    }

    @Override
    public String toProperty(JsonNode value) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException("must be " + describe() + ", not " + ValueKind.given(value));
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number) || number <= above || number > atMost) {
            throw new IllegalArgumentException(TomlLiterals.format(value) + " is not " + describe());
        }
        return Double.toString(number);
    }

    @Override
    public JsonNode toToml(Object property) {
        double number;
        if (property instanceof Number given) {
            number = given.doubleValue();
        } else {
            try {
                number = Double.parseDouble(String.valueOf(property).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + property + "' is not a number", e);
            }
        }
        DoubleNode node = DoubleNode.valueOf(number);
        toProperty(node);
        return node;
    }

    @Override
    public String describe() {
        return what + " (a number greater than " + plain(above) + " and at most " + plain(atMost) + ")";
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
