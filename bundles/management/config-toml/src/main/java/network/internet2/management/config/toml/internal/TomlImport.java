package network.internet2.management.config.toml.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;

/**
 * Reads a TOML file in the seed's format into PID properties. Every bad value
 * is collected, each naming its {@code table.key}, and the file is refused as a
 * whole; unknown tables and keys are warnings; keys accepted without effect are
 * notes.
 */
public final class TomlImport {

    // dates and times become Java time values, so that they are never taken for strings
    private static final TomlMapper MAPPER = TomlMapper.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();

    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Map<String, String>> pids = new TreeMap<>();

    private TomlImport() {
    }

    /**
     * @param toml the file's text
     * @return what it sets, with warnings and notes
     * @throws ConfigurationRefusedException when the text is not TOML or any value is refused
     */
    public static MappedConfiguration read(String toml) throws ConfigurationRefusedException {
        JsonNode root;
        try {
            root = MAPPER.readTree(toml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigurationRefusedException(List.of("not valid TOML" + where + ": " + e.getOriginalMessage()));
        }
        TomlImport reading = new TomlImport();
        if (root != null && root.isObject()) {
            reading.table("", root);
        }
        reading.checkPortsApart();
        if (!reading.problems.isEmpty()) {
            throw new ConfigurationRefusedException(reading.problems);
        }
        return new MappedConfiguration(reading.pids, reading.warnings, reading.notes);
    }

    private void table(String path, JsonNode table) {
        if (table.isEmpty() && !path.isEmpty() && !SeedKeys.isTableOrParent(path)) {
            warnings.add("unknown table [" + path + "] (empty): ignored; known tables: " + knownTables());
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = table.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            Optional<SeedKey> known = SeedKeys.find(fieldPath);
            if (known.isPresent()) {
                value(known.get(), field.getValue());
            } else if (field.getValue().isObject()) {
                table(fieldPath, field.getValue());
            } else {
                warnings.add(unknown(path, fieldPath));
            }
        }
    }

    private static String unknown(String table, String path) {
        if (table.isEmpty()) {
            return "unknown key " + path + " outside any table: ignored; known tables: " + knownTables();
        }
        List<SeedKey> keys = SeedKeys.keysOf(table);
        if (keys.isEmpty()) {
            return "unknown key " + path + ": ignored ([" + table + "] is not a table of ours; known tables: "
                    + knownTables() + ")";
        }
        return "unknown key " + path + ": ignored (keys of [" + table + "]: "
                + String.join(", ", keys.stream().map(SeedKey::key).toList()) + ")";
    }

    private static String knownTables() {
        return String.join(", ", SeedKeys.tables());
    }

    private void value(SeedKey key, JsonNode value) {
        if (key instanceof MappedKey mapped) {
            try {
                pids.computeIfAbsent(mapped.pid(), pid -> new TreeMap<>())
                        .put(mapped.property(), mapped.kind().toProperty(value));
            } catch (IllegalArgumentException e) {
                problems.add(key.path() + ": " + e.getMessage());
            }
        } else if (key instanceof FixedKey fixed) {
            if (value.equals(fixed.accepted())) {
                notes.add(key.path() + " = " + TomlLiterals.format(value) + ": accepted, no effect: "
                        + fixed.noEffect());
            } else {
                problems.add(key.path() + ": " + ValueKind.given(value) + " is refused: " + fixed.otherValues()
                        + " (the only value accepted is " + TomlLiterals.format(fixed.accepted()) + ")");
            }
        }
    }

    /** STOQ (UDP) and DNS (UDP and TCP) cannot share a UDP port on overlapping addresses. */
    private void checkPortsApart() {
        String stoqPort = property(SeedKeys.STOQ, "port");
        String dnsPort = property(SeedKeys.DNS, "port");
        if (stoqPort == null || !stoqPort.equals(dnsPort)) {
            return;
        }
        String stoqAddress = property(SeedKeys.STOQ, "bind.address");
        String dnsAddress = property(SeedKeys.DNS, "bind.address");
        if (stoqAddress == null || dnsAddress == null || Ipv6AddressKind.overlap(stoqAddress, dnsAddress)) {
            problems.add("trustchain.dns.port: " + dnsPort + " is also global.port, the STOQ port; both listen on"
                    + " UDP, so they need different ports (or distinct bind addresses, both given)");
        }
    }

    private String property(String pid, String property) {
        Map<String, String> properties = pids.get(pid);
        return properties == null ? null : properties.get(property);
    }
}
