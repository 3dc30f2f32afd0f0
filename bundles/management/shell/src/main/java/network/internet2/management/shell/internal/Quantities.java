package network.internet2.management.shell.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** How {@code internet2:status} writes sizes, durations and figures: pure functions, tested without a shell. */
final class Quantities {

    private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    /** What a figure without a value (null) shows. */
    static final String NONE = "-";

    private Quantities() {
    }

    /** @return bytes in binary units, rounded down to a tenth ({@code 412.3 MiB}); {@code unknown} if negative */
    static String bytes(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        int exponent = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        long scale = 1L << (10 * exponent);
        if (bytes % scale == 0) {
            return bytes / scale + " " + BINARY_UNITS[exponent];
        }
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(scale), 1, RoundingMode.DOWN).toPlainString()
                + " " + BINARY_UNITS[exponent];
    }

    /** @return a duration in its two largest units: {@code 42 s}, {@code 3 min 5 s}, {@code 2 h 10 min}, {@code 1 d 4 h} */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return two(seconds / 60, "min", seconds % 60, "s");
        }
        if (seconds < 86400) {
            return two(seconds / 3600, "h", seconds % 3600 / 60, "min");
        }
        return two(seconds / 86400, "d", seconds % 86400 / 3600, "h");
    }

    private static String two(long major, String majorUnit, long minor, String minorUnit) {
        return major + " " + majorUnit + (minor == 0 ? "" : " " + minor + " " + minorUnit);
    }

    /**
     * @return a figure as one cell: whole numbers as they are, fractions to at most three decimals, booleans as
     *         {@code yes}/{@code no}, lists comma-separated and maps as {@code key=value} pairs ({@code none}
     *         when empty), null as {@value #NONE}
     */
    static String value(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        if (value instanceof Double || value instanceof Float) {
            return decimal(((Number) value).doubleValue());
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "none";
            }
            StringJoiner items = new StringJoiner(list.stream().anyMatch(Map.class::isInstance) ? "; " : ", ");
            list.forEach(item -> items.add(value(item)));
            return items.toString();
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "none";
            }
            StringJoiner pairs = new StringJoiner(" ");
            map.forEach((key, item) -> pairs.add(key + "=" + value(item)));
            return pairs.toString();
        }
        return value.toString();
    }

    private static String decimal(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return NONE;
        }
        BigDecimal rounded = BigDecimal.valueOf(number).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
