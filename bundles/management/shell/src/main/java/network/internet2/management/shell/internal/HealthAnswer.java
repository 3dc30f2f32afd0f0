package network.internet2.management.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the health answer ({@code GET /health}'s map): {@code status}, {@code layers.<layer>} with
 * {@code status}, {@code problems}, {@code bundles}, {@code services} and {@code figures}, {@code alerts} and
 * {@code node}. A part that is missing or of another type reads as empty, so that the tables show what is there
 * when the health bundle's answer grows.
 */
final class HealthAnswer {

    private final Map<String, Object> answer;

    HealthAnswer(Map<String, Object> answer) {
        this.answer = answer == null ? Map.of() : answer;
    }

    /** @return the node's status: {@code ok} or {@code degraded} */
    String status() {
        return text(answer.get("status"));
    }

    /** @return the facts about the node: {@code name}, {@code uptimeSeconds}, {@code version} */
    Map<String, Object> node() {
        return map(answer.get("node"));
    }

    /** @return the reports of the layers by their ids ({@code stoq}, {@code trustchain}, {@code hypermesh}), in order */
    Map<String, Map<String, Object>> layers() {
        Map<String, Map<String, Object>> layers = new LinkedHashMap<>();
        map(answer.get("layers")).forEach((id, report) -> layers.put(id, map(report)));
        return layers;
    }

    /** @return the alerts, each with {@code name}, {@code firing}, {@code value}, {@code threshold}, {@code message} */
    List<Map<String, Object>> alerts() {
        return list(answer.get("alerts")).stream().map(HealthAnswer::map).toList();
    }

    /** @return the value if it is a map with text keys, else an empty map */
    static Map<String, Object> map(Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> map.put(String.valueOf(key), item));
        }
        return map;
    }

    /** @return the value if it is a list, else an empty list */
    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** @return the value as text, {@value Quantities#NONE} for null */
    static String text(Object value) {
        return value == null ? Quantities.NONE : value.toString();
    }
}
