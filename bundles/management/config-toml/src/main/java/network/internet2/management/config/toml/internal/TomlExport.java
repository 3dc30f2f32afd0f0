package network.internet2.management.config.toml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes PID properties as a TOML file in the seed's format: one table per
 * {@link SeedKeys} table, each key set from its PID's property. A property that
 * is not set is written as a comment (the component's default applies); so is a
 * stored value that would not import back, with a warning. Keys without effect
 * are written with the one value they accept. Importing the result sets the same
 * properties again.
 */
public final class TomlExport {

    private TomlExport() {
    }

    /** @return the PIDs an export reads, those some TOML key sets */
    public static Set<String> pids() {
        return SeedKeys.pids();
    }

    /**
     * @param pids   PID → property → value (text, number or boolean, as ConfigAdmin holds them)
     * @param source where the values come from, for the file's header ({@code ConfigAdmin of the running node})
     * @return the TOML text and the values that could not be exported
     */
    public static ExportedToml write(Map<String, ? extends Map<String, ?>> pids, String source) {
        List<String> warnings = new ArrayList<>();
        StringBuilder out = new StringBuilder()
                .append("# Internet 2.0 node configuration in the seed's TOML format, exported from ")
                .append(source).append(".\n")
                .append("# Apply it with internet2:config-import <file> (running node) or\n")
                .append("# ./deploy-internet2.sh start --config <file> (at start). Keys: config/README.md.\n");
        for (String table : SeedKeys.tables()) {
            out.append("\n[").append(table).append("]\n");
            for (SeedKey key : SeedKeys.keysOf(table)) {
                if (key instanceof FixedKey fixed) {
                    out.append(key.key()).append(" = ").append(TomlLiterals.format(fixed.accepted()))
                            .append("  # no effect: ").append(fixed.noEffect()).append('\n');
                } else if (key instanceof MappedKey mapped) {
                    mapped(mapped, pids.get(mapped.pid()), out, warnings);
                }
            }
        }
        return new ExportedToml(out.toString(), warnings);
    }

    private static void mapped(MappedKey key, Map<String, ?> properties, StringBuilder out, List<String> warnings) {
        Object stored = properties == null ? null : properties.get(key.property());
        if (stored == null) {
            out.append("# ").append(key.key()).append(": ").append(key.property()).append(" of ").append(key.pid())
                    .append(" is not set; the component's default applies\n");
            return;
        }
        try {
            String literal = TomlLiterals.format(key.kind().toToml(stored));
            out.append(key.key()).append(" = ").append(literal).append('\n');
        } catch (IllegalArgumentException e) {
            String problem = key.pid() + " " + key.property() + " = " + stored + " is not exported as "
                    + key.path() + ": " + e.getMessage();
            warnings.add(problem);
            out.append("# ").append(key.key()).append(": not exported: ")
                    .append(problem.replace('\n', ' ')).append('\n');
        }
    }
}
