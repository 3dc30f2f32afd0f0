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
     * Reads a file on its own: where the node's values are not known, the STOQ and DNS ports are
     * compared only when the file sets both.
     *
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

    /**
     * Reads a file for a node whose values are known: {@link #read(String)}, then
     * {@link #checkAgainst(MappedConfiguration, Map)}.
     *
     * @param toml     the file's text
     * @param existing the node's properties of (at least) {@link #listenerPids()}; a PID left out has none
     */
    public static MappedConfiguration read(String toml, Map<String, ? extends Map<String, ?>> existing)
            throws ConfigurationRefusedException {
        MappedConfiguration mapped = read(toml);
        checkAgainst(mapped, existing);
        return mapped;
    }

    /** @return the PIDs whose values on the node {@link #checkAgainst(MappedConfiguration, Map)} needs */
    public static List<String> listenerPids() {
        return List.of(SeedKeys.STOQ, SeedKeys.DNS);
    }

    /**
     * Checks what the node would have once {@code mapped} is merged into its configuration:
     * STOQ (UDP) and DNS (UDP and TCP) must not share a UDP port on overlapping addresses. Each
     * value comes from the file, else from the node, else from the component's default (STOQ
     * {@code ::1} port 4433, DNS {@code ::1} port 8053). A file that sets none of the two ports and
     * two addresses changes nothing there and is not refused for a clash the node already has.
     *
     * @param mapped   what the file sets
     * @param existing the node's properties of (at least) {@link #listenerPids()}: the
     *                 {@code etc/<pid>.cfg} files, or ConfigAdmin; a PID left out has none
     * @throws ConfigurationRefusedException naming the key of the file that makes the two clash
     */
    public static void checkAgainst(MappedConfiguration mapped, Map<String, ? extends Map<String, ?>> existing)
            throws ConfigurationRefusedException {
        Setting stoqPort = Setting.of(mapped, existing, SeedKeys.STOQ, "port");
        Setting dnsPort = Setting.of(mapped, existing, SeedKeys.DNS, "port");
        Setting stoqAddress = Setting.of(mapped, existing, SeedKeys.STOQ, "bind.address");
        Setting dnsAddress = Setting.of(mapped, existing, SeedKeys.DNS, "bind.address");
        // the key named: the first of these the file sets
        Setting named = List.of(dnsPort, stoqPort, dnsAddress, stoqAddress).stream()
                .filter(setting -> setting.origin() == Origin.FILE).findFirst().orElse(null);
        if (named == null || !samePort(stoqPort.value(), dnsPort.value())
                || !overlapping(stoqAddress.value(), dnsAddress.value())) {
            return;
        }
        String apart = "; both listen on UDP, so they need different ports (or distinct bind addresses, neither ::)";
        String addresses = "STOQ on " + stoqAddress + ", DNS on " + dnsAddress;
        String problem;
        if (named == dnsPort || named == stoqPort) {
            Setting other = named == dnsPort ? stoqPort : dnsPort;
            problem = named.path() + ": " + named.value() + " is also the " + (named == dnsPort ? "STOQ" : "DNS")
                    + " port, " + other.path() + " = " + other + ", on overlapping addresses: " + addresses + apart;
        } else {
            problem = named.path() + ": \"" + named.value() + "\" overlaps the "
                    + (named == dnsAddress ? "STOQ" : "DNS") + " address: " + addresses + ", and both use port "
                    + stoqPort.value() + " (STOQ: " + stoqPort.origin().text() + ", DNS: " + dnsPort.origin().text() + ")" + apart;
        }
        throw new ConfigurationRefusedException(List.of(problem));
    }

    private static boolean samePort(String one, String other) {
        try {
            int a = Integer.parseInt(one);
            // port 0: each gets a free port of the system's choosing
            return a != 0 && a == Integer.parseInt(other);
        } catch (NumberFormatException e) {
            return one.equals(other);
        }
    }

    /** @return whether the addresses overlap, or cannot be told apart because one is not an IPv6 literal */
    private static boolean overlapping(String one, String other) {
        try {
            return Ipv6AddressKind.overlap(Ipv6AddressKind.literal(one), Ipv6AddressKind.literal(other));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** Where a value the node would listen with comes from. */
    private enum Origin {
        FILE("set by this file"), NODE("already set on the node"), DEFAULT("the default");

        private final String text;

        Origin(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    /** One property of the merged result, with the key that sets it and where its value comes from. */
    private record Setting(String pid, String property, String value, Origin origin) {

        static Setting of(MappedConfiguration mapped, Map<String, ? extends Map<String, ?>> existing, String pid,
                String property) {
            Map<String, String> imported = mapped.pids().get(pid);
            if (imported != null && imported.get(property) != null) {
                return new Setting(pid, property, imported.get(property), Origin.FILE);
            }
            Map<String, ?> node = existing.get(pid);
            Object value = node == null ? null : node.get(property);
            if (value != null && !String.valueOf(value).isBlank()) {
                return new Setting(pid, property, String.valueOf(value).strip(), Origin.NODE);
            }
            return new Setting(pid, property, SeedKeys.LISTENER_DEFAULTS.get(pid).get(property), Origin.DEFAULT);
        }

        String path() {
            return SeedKeys.pathOf(pid, property);
        }

        @Override
        public String toString() {
            return value + " (" + origin.text() + ")";
        }
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
