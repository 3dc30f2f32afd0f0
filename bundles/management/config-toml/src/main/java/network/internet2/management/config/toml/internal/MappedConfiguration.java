package network.internet2.management.config.toml.internal;

import java.util.List;
import java.util.Map;

/**
 * A TOML file accepted: the properties it sets, by PID, as the text an
 * {@code etc/<pid>.cfg} file holds; and what the operator should read.
 *
 * @param pids     PID → property → value, PIDs and properties in a stable order
 * @param warnings unknown tables and keys, one line each, naming {@code table.key}; they were ignored
 * @param notes    keys accepted that have no effect, one line each, saying why
 */
public record MappedConfiguration(Map<String, Map<String, String>> pids, List<String> warnings, List<String> notes) {

    public MappedConfiguration {
        pids = Map.copyOf(pids);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }
}
