package network.internet2.management.config.toml.internal.shell;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

/** What an import does to one PID's properties: sets its keys, keeps every other. */
final class PidMerge {

    private PidMerge() {
    }

    /** @return each incoming property with its value before and after, in the incoming order */
    static List<PropertyChange> changes(String pid, Map<String, ?> existing, Map<String, String> incoming) {
        List<PropertyChange> changes = new ArrayList<>();
        incoming.forEach((property, value) -> changes.add(new PropertyChange(pid, property,
                existing.get(property), value)));
        return changes;
    }

    /** @return the existing properties with the incoming ones set over them; nothing is removed */
    static Hashtable<String, Object> merged(Map<String, ?> existing, Map<String, String> incoming) {
        Hashtable<String, Object> merged = new Hashtable<>(existing);
        merged.putAll(incoming);
        return merged;
    }
}
