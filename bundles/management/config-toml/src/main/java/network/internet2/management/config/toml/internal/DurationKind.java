package network.internet2.management.config.toml.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A duration as the seed writes it, a string such as {@code "100ms"}, {@code "2s"}
 * or {@code "1.5s"} (units {@code ms}, {@code s}, {@code m}), held by the PID as a
 * whole number of milliseconds. A bare number is refused: its unit would be a guess.
 */
final class DurationKind implements ValueKind {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");
    private static final Map<String, Long> MILLIS_PER_UNIT = Map.of("ms", 1L, "s", 1_000L, "m", 60_000L);

    private final long minMillis;
    private final long maxMillis;

    DurationKind(long minMillis, long maxMillis) {
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
    }

    @Override
    public String toProperty(JsonNode value) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("must be " + describe() + ", not " + ValueKind.given(value));
        }
        return Long.toString(millis(value.textValue()));
    }

    private long millis(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration: write a number and a unit, "
                    + "ms, s or m, such as \"100ms\" or \"2s\"");
        }
        BigDecimal millis = new BigDecimal(matcher.group(1))
                .multiply(BigDecimal.valueOf(MILLIS_PER_UNIT.get(matcher.group(2))));
        if (millis.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not a whole number of milliseconds");
        }
        if (millis.compareTo(BigDecimal.valueOf(minMillis)) < 0
                || millis.compareTo(BigDecimal.valueOf(maxMillis)) > 0) {
            throw new IllegalArgumentException("\"" + text + "\" is out of range: " + describe());
        }
        return millis.longValueExact();
    }

    @Override
    public JsonNode toToml(Object property) {
        long millis;
        if (property instanceof Integer || property instanceof Long) {
            millis = ((Number) property).longValue();
        } else {
            try {
                millis = Long.parseLong(String.valueOf(property).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + property + "' is not a number of milliseconds", e);
            }
        }
        TextNode node = TextNode.valueOf(format(millis));
        toProperty(node);
        return node;
    }

    /** @return {@code "2s"} for 2000, {@code "100ms"} for 100 */
    static String format(long millis) {
        return millis != 0 && millis % 1_000 == 0 ? millis / 1_000 + "s" : millis + "ms";
    }

    @Override
    public String describe() {
        return "a duration from " + format(minMillis) + " to " + format(maxMillis)
                + " (a string such as \"100ms\" or \"2s\")";
    }
}
