package network.internet2.management.webconsole.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The layers' figures: {@code Supplier<Map<String, Object>>} services registered with
 * {@value #PROPERTY}{@code =<layer>.<part>} (for example {@code trustchain.dns}), as {@code GET /health} shows
 * them under {@code layers.<layer>.figures.<part>}; and how nested figures become rows of a table.
 */
final class Figures {

    static final String PROPERTY = "internet2.figures";
    /** Filter of every figures service. */
    static final String TARGET = "(" + PROPERTY + "=*)";

    private final Map<Supplier<Map<String, Object>>, String> sources = new ConcurrentHashMap<>();

    void add(Supplier<Map<String, Object>> source, Map<String, Object> properties) {
        sources.put(source, String.valueOf(properties.get(PROPERTY)));
    }

    void remove(Supplier<Map<String, Object>> source) {
        sources.remove(source);
    }

    /**
     * @return the figures of one layer by part, read now; a source that fails gives {@code error} and its
     *         message instead of its figures
     */
    SortedMap<String, Map<String, Object>> of(String layer) {
        SortedMap<String, Map<String, Object>> parts = new TreeMap<>();
        sources.forEach((source, name) -> {
            if (name.startsWith(layer + ".")) {
                Map<String, Object> figures;
                try {
                    figures = source.get();
                } catch (RuntimeException e) {
                    figures = Map.of("error", String.valueOf(e.getMessage()));
                }
                parts.put(name.substring(layer.length() + 1), figures);
            }
        });
        return parts;
    }

    /**
     * Flattens nested figures into one level: maps by dotted path ({@code proveMillis.work.p50}), lists of
     * plain values joined with commas, lists of maps by index ({@code quarantined[0].node}); decimals get at
     * most three places.
     */
    static Map<String, Object> flatten(Map<String, ?> figures) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", figures, flat);
        return flat;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> flat) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty() && !prefix.isEmpty()) {
                flat.put(prefix, "none");
            }
            map.forEach((key, nested) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key,
                    nested, flat));
        } else if (value instanceof Collection<?> list && list.stream().anyMatch(item -> item instanceof Map)) {
            int index = 0;
            for (Object item : list) {
                flatten(prefix + "[" + index++ + "]", item, flat);
            }
        } else if (value instanceof Collection<?> list) {
            flat.put(prefix, list.isEmpty() ? "none" : list.stream().map(Figures::plain)
                    .collect(Collectors.joining(", ")));
        } else {
            flat.put(prefix, value instanceof Double || value instanceof Float ? plain(value) : value);
        }
    }

    /** @return a value as text: decimals with at most three places, trailing zeros dropped */
    static String plain(Object value) {
        if (value instanceof Double || value instanceof Float) {
            String text = String.format(Locale.ROOT, "%.3f", ((Number) value).doubleValue());
            return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
        }
        if (value != null && value.getClass().isArray()) {
            List<String> items = new java.util.ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                items.add(plain(java.lang.reflect.Array.get(value, i)));
            }
            return String.join(", ", items);
        }
        return String.valueOf(value);
    }

    /**
     * Shortens flattened figures for an overview: a group of three or more counters ({@code refusals.expired},
     * {@code refusals.revoked}, …) that are all zero becomes one row {@code refusals.*} = {@code all 0}.
     */
    static Map<String, Object> condense(Map<String, Object> flat) {
        Map<String, Object> condensed = new LinkedHashMap<>();
        for (String group : groups(flat)) {
            Map<String, Object> members = group.isEmpty() ? Map.of() : group(flat, group);
            boolean allZero = members.size() >= 3 && members.values().stream()
                    .allMatch(value -> value instanceof Number number && number.doubleValue() == 0);
            if (allZero) {
                condensed.put(group + ".*", "all 0");
            } else {
                flat.forEach((name, value) -> {
                    if (group.isEmpty() ? !name.contains(".") : name.startsWith(group + ".")) {
                        condensed.put(name, value);
                    }
                });
            }
        }
        return condensed;
    }

    /** @return the figures whose flattened name starts with {@code group.}, without that prefix */
    static Map<String, Object> group(Map<String, Object> flat, String group) {
        Map<String, Object> members = new LinkedHashMap<>();
        flat.forEach((name, value) -> {
            if (name.startsWith(group + ".")) {
                members.put(name.substring(group.length() + 1), value);
            }
        });
        return members;
    }

    /** @return the names before the first dot, in order of first appearance */
    static List<String> groups(Map<String, Object> flat) {
        return flat.keySet().stream().map(name -> name.contains(".") ? name.substring(0, name.indexOf('.')) : "")
                .distinct().toList();
    }
}
