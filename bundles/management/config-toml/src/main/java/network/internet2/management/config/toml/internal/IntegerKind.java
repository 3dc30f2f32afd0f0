package network.internet2.management.config.toml.internal;

import java.math.BigInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;

/** A TOML integer within bounds (a port, a payload size). */
final class IntegerKind implements ValueKind {

    private final long min;
    private final long max;
    private final String what;

    /**
     * @param min  smallest value accepted
     * @param max  largest value accepted
     * @param what what the number is, for messages ({@code a port})
     */
    IntegerKind(long min, long max, String what) {
        this.min = min;
        this.max = max;
        this.what = what;
    }

    static IntegerKind port() {
        return new IntegerKind(1, 65535, "a port");
    }

    @Override
    public String toProperty(JsonNode value) {
        if (!value.isIntegralNumber()) {
            throw new IllegalArgumentException("must be " + describe() + ", not " + ValueKind.given(value));
        }
        BigInteger number = value.bigIntegerValue();
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException(number + " is not " + describe());
        }
        return number.toString();
    }

    @Override
    public JsonNode toToml(Object property) {
        long number;
        if (property instanceof Integer || property instanceof Long || property instanceof Short) {
            number = ((Number) property).longValue();
        } else {
            try {
                number = Long.parseLong(String.valueOf(property).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + property + "' is not an integer", e);
            }
        }
        LongNode node = LongNode.valueOf(number);
        toProperty(node);
        return node;
    }

    @Override
    public String describe() {
        return what + " (an integer from " + min + " to " + max + ")";
    }
}
