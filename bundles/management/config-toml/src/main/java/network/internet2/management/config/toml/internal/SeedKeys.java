package network.internet2.management.config.toml.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Every TOML key the node knows, in the order an export writes them: the seed's
 * keys, and ours for settings the seed has no key for. config/README.md has the
 * same table for operators; keep the two together.
 */
final class SeedKeys {

    static final String STOQ = "network.internet2.stoq.transport";
    static final String CONSENSUS = "network.internet2.hypermesh.consensus";
    static final String ASSETS = "network.internet2.hypermesh.assets";
    static final String CA = "network.internet2.trustchain.ca";
    static final String DNS = "network.internet2.trustchain.dns.server";
    static final String ALERTS = "network.internet2.management.alerts";

    private static final long HOUR_MILLIS = 3_600_000;

    /**
     * Where STOQ and DNS listen when their PID does not set it: the defaults of the components'
     * {@code @ObjectClassDefinition} ({@code StoqTransportComponent}: {@code ::1} port 4433;
     * {@code DnsServerComponent}: {@code ::1} port 8053), which are also the development profile's values.
     */
    static final Map<String, Map<String, String>> LISTENER_DEFAULTS = Map.of(
            STOQ, Map.of("bind.address", "::1", "port", "4433"),
            DNS, Map.of("bind.address", "::1", "port", "8053"));

    static final List<SeedKey> ALL = List.of(
            new MappedKey("global", "bind_address", STOQ, "bind.address", new Ipv6AddressKind()),
            new MappedKey("global", "port", STOQ, "port", IntegerKind.port()),

            new MappedKey("stoq.performance", "target_throughput_gbps", ALERTS, "stoq.target.throughput.gbps",
                    new DecimalKind(0, 10_000, "a throughput in Gbit/s")),
            new FixedKey("stoq.performance", "enable_zero_copy", BooleanNode.TRUE,
                    "the transport has no copying mode to switch off: Netty reads and writes every datagram "
                            + "through pooled direct (off-heap) buffers",
                    "zero copy cannot be turned off"),
            new MappedKey("stoq.performance", "enable_hardware_acceleration", STOQ, "udp.offload",
                    new BooleanKind()),
            new MappedKey("stoq.performance", "congestion_control", STOQ, "congestion.control",
                    new ChoiceKind("cubic", "reno", "bbr")),
            new MappedKey("stoq.performance", "max_udp_payload", STOQ, "max.udp.payload",
                    new IntegerKind(1200, 65527, "a UDP payload size in bytes")),

            new MappedKey("hypermesh.consensus", "mandatory_four_proof", CONSENSUS, "mandatory.four.proof",
                    new BooleanKind()),
            new MappedKey("hypermesh.consensus", "validation_timeout", CONSENSUS, "validation.timeout.ms",
                    new DurationKind(1, HOUR_MILLIS)),

            new MappedKey("hypermesh.assets", "require_consensus", ASSETS, "require.consensus", new BooleanKind()),

            new FixedKey("trustchain.ca", "ca_mode", TextNode.valueOf("embedded"),
                    "the node's certificate authority is always the embedded one (feature trustchain-ca)",
                    "the node has no client for an external CA; only \"embedded\" is supported"),
            new MappedKey("trustchain.ca", "enable_auto_rotation", CA, "enable.auto.rotation", new BooleanKind()),

            new FixedKey("trustchain.dns", "dns_mode", TextNode.valueOf("embedded"),
                    "the node's DNS server is always the embedded one (feature trustchain-dns)",
                    "the node cannot publish its zone to an external DNS server; only \"embedded\" is supported"),
            new MappedKey("trustchain.dns", "bind_address", DNS, "bind.address", new Ipv6AddressKind()),
            new MappedKey("trustchain.dns", "port", DNS, "port", IntegerKind.port()),
            new MappedKey("trustchain.dns", "zone", DNS, "zone", new DnsZoneKind()),

            new MappedKey("management.alerts", "stoq_throughput_alert_ratio", ALERTS, "stoq.throughput.alert.ratio",
                    new DecimalKind(0, 1, "a share of the target throughput")),
            new MappedKey("management.alerts", "consensus_validation_max", ALERTS, "consensus.validation.max.ms",
                    new DurationKind(1, HOUR_MILLIS)),
            new MappedKey("management.alerts", "certificate_operation_max", ALERTS, "certificate.operation.max.ms",
                    new DurationKind(1, HOUR_MILLIS)));

    private static final Map<String, SeedKey> BY_PATH =
            ALL.stream().collect(Collectors.toMap(SeedKey::path, Function.identity()));

    private SeedKeys() {
    }

    /** @return the key {@code table.key}, if the node knows it */
    static Optional<SeedKey> find(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** @return the tables, in export order */
    static Set<String> tables() {
        return ALL.stream().map(SeedKey::table).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** @return whether {@code path} is a table of ours or a table that contains some (such as {@code stoq}) */
    static boolean isTableOrParent(String path) {
        return tables().stream().anyMatch(table -> table.equals(path) || table.startsWith(path + "."));
    }

    /** @return the keys of {@code table}, in export order */
    static List<SeedKey> keysOf(String table) {
        return ALL.stream().filter(key -> key.table().equals(table)).toList();
    }

    /** @return the {@code table.key} that sets {@code property} of {@code pid} */
    static String pathOf(String pid, String property) {
        return ALL.stream().filter(MappedKey.class::isInstance).map(MappedKey.class::cast)
                .filter(key -> key.pid().equals(pid) && key.property().equals(property)).findFirst()
                .map(SeedKey::path).orElseThrow(() -> new IllegalArgumentException(pid + " " + property));
    }

    /** @return every PID some key sets */
    static Set<String> pids() {
        return ALL.stream().filter(MappedKey.class::isInstance).map(key -> ((MappedKey) key).pid())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
