package network.internet2.management.config.toml.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;

public class TomlImportTest {

    /** One TOML line per key of ours, and the PID property it must set. */
    private record Case(String table, String line, String pid, String property, String value) {
    }

    private static final List<Case> EVERY_MAPPED_KEY = List.of(
            new Case("global", "bind_address = \"::\"", SeedKeys.STOQ, "bind.address", "::"),
            new Case("global", "port = 443", SeedKeys.STOQ, "port", "443"),
            new Case("stoq.performance", "target_throughput_gbps = 40.0", SeedKeys.ALERTS,
                    "stoq.target.throughput.gbps", "40.0"),
            new Case("stoq.performance", "enable_hardware_acceleration = false", SeedKeys.STOQ, "udp.offload",
                    "false"),
            new Case("stoq.performance", "congestion_control = \"bbr\"", SeedKeys.STOQ, "congestion.control", "bbr"),
            new Case("stoq.performance", "max_udp_payload = 65527", SeedKeys.STOQ, "max.udp.payload", "65527"),
            new Case("hypermesh.consensus", "mandatory_four_proof = false", SeedKeys.CONSENSUS,
                    "mandatory.four.proof", "false"),
            new Case("hypermesh.consensus", "validation_timeout = \"2s\"", SeedKeys.CONSENSUS,
                    "validation.timeout.ms", "2000"),
            new Case("hypermesh.assets", "require_consensus = true", SeedKeys.ASSETS, "require.consensus", "true"),
            new Case("trustchain.ca", "enable_auto_rotation = false", SeedKeys.CA, "enable.auto.rotation", "false"),
            new Case("trustchain.dns", "bind_address = \"2001:db8::53\"", SeedKeys.DNS, "bind.address",
                    "2001:db8::53"),
            new Case("trustchain.dns", "port = 53", SeedKeys.DNS, "port", "53"),
            new Case("trustchain.dns", "zone = \"Example.Net.\"", SeedKeys.DNS, "zone", "example.net"),
            new Case("management.alerts", "stoq_throughput_alert_ratio = 0.5", SeedKeys.ALERTS,
                    "stoq.throughput.alert.ratio", "0.5"),
            new Case("management.alerts", "consensus_validation_max = \"250ms\"", SeedKeys.ALERTS,
                    "consensus.validation.max.ms", "250"),
            new Case("management.alerts", "certificate_operation_max = \"1.5s\"", SeedKeys.ALERTS,
                    "certificate.operation.max.ms", "1500"));

    @Test
    public void mapsEveryKeyOfOursOntoItsPidProperty() throws Exception {
        for (Case each : EVERY_MAPPED_KEY) {
            MappedConfiguration mapped = TomlImport.read("[" + each.table + "]\n" + each.line + "\n");
            assertEquals(each.line, Map.of(each.pid, Map.of(each.property, each.value)), mapped.pids());
            assertEquals(each.line, List.of(), mapped.warnings());
            assertEquals(each.line, List.of(), mapped.notes());
        }
        Set<String> tested = EVERY_MAPPED_KEY.stream().map(each -> each.table + "." + each.line.split(" ")[0])
                .collect(Collectors.toSet());
        Set<String> mappedKeys = SeedKeys.ALL.stream().filter(MappedKey.class::isInstance).map(SeedKey::path)
                .collect(Collectors.toSet());
        assertEquals("every mapped key has a case here", mappedKeys, tested);
    }

    @Test
    public void readsTheSeedsOwnFileIntoFivePids() throws Exception {
        MappedConfiguration mapped = TomlImport.read("""
                [global]
                bind_address = "::"          # IPv6 only
                port = 443                   # standard HTTPS port, but STOQ (QUIC/UDP)
                [stoq.performance]
                target_throughput_gbps = 40.0
                enable_zero_copy = true
                enable_hardware_acceleration = true
                [hypermesh.consensus]
                mandatory_four_proof = true  # four-proof consensus required
                validation_timeout = "100ms"
                [trustchain.ca]
                ca_mode = "embedded"         # no external CA
                enable_auto_rotation = true  # zero-downtime rotation
                [trustchain.dns]
                dns_mode = "embedded"        # no external DNS
                """);
        assertEquals(Map.of(
                SeedKeys.STOQ, Map.of("bind.address", "::", "port", "443", "udp.offload", "true"),
                SeedKeys.ALERTS, Map.of("stoq.target.throughput.gbps", "40.0"),
                SeedKeys.CONSENSUS, Map.of("mandatory.four.proof", "true", "validation.timeout.ms", "100"),
                SeedKeys.CA, Map.of("enable.auto.rotation", "true")), mapped.pids());
        assertEquals(List.of(), mapped.warnings());
        assertEquals(3, mapped.notes().size());
        assertTrue(mapped.notes().get(0), mapped.notes().get(0).startsWith(
                "stoq.performance.enable_zero_copy = true: accepted, no effect: "));
        assertTrue(mapped.notes().get(1), mapped.notes().get(1).startsWith(
                "trustchain.ca.ca_mode = \"embedded\": accepted, no effect: "));
        assertTrue(mapped.notes().get(2), mapped.notes().get(2).startsWith(
                "trustchain.dns.dns_mode = \"embedded\": accepted, no effect: "));
    }

    @Test
    public void refusesAnExternalCaOrDnsAndSaysWhy() {
        List<String> problems = Toml.refused("""
                [trustchain.ca]
                ca_mode = "external"
                [trustchain.dns]
                dns_mode = "external"
                """);
        assertEquals(2, problems.size());
        assertTrue(problems.get(0), problems.get(0).startsWith("trustchain.ca.ca_mode: the string \"external\" is "
                + "refused: the node has no client for an external CA"));
        assertTrue(problems.get(1), problems.get(1).startsWith("trustchain.dns.dns_mode: the string \"external\" is "
                + "refused: the node cannot publish its zone to an external DNS server"));
    }

    @Test
    public void refusesTurningZeroCopyOff() {
        List<String> problems = Toml.refused("[stoq.performance]\nenable_zero_copy = false\n");
        assertEquals(List.of("stoq.performance.enable_zero_copy: false is refused: zero copy cannot be turned off "
                + "(the only value accepted is true)"), problems);
    }

    @Test
    public void refusesAnIpv4BindAddressNamingTheKey() {
        assertEquals(List.of("global.bind_address: \"0.0.0.0\" is an IPv4 address; the node is IPv6 only (use :: "
                + "for every interface or ::1 for this host)"), Toml.refused("[global]\nbind_address = \"0.0.0.0\"\n"));
        List<String> dns = Toml.refused("[trustchain.dns]\nbind_address = \"::ffff:192.0.2.1\"\n");
        assertEquals(1, dns.size());
        assertTrue(dns.get(0), dns.get(0).startsWith("trustchain.dns.bind_address: \"::ffff:192.0.2.1\" is an "
                + "IPv4-mapped address"));
    }

    @Test
    public void refusesPortsOutsideOneTo65535() {
        for (String port : List.of("0", "65536", "-1", "99999999999999999999")) {
            assertEquals(port, List.of("global.port: " + port + " is not a port (an integer from 1 to 65535)"),
                    Toml.refused("[global]\nport = " + port + "\n"));
        }
        assertEquals(List.of("trustchain.dns.port: must be a port (an integer from 1 to 65535), not the string "
                + "\"53\""), Toml.refused("[trustchain.dns]\nport = \"53\"\n"));
        assertEquals(List.of("global.port: must be a port (an integer from 1 to 65535), not 443.0"),
                Toml.refused("[global]\nport = 443.0\n"));
    }

    @Test
    public void refusesValuesOfTheWrongTypeOrRange() {
        assertEquals(List.of("hypermesh.consensus.mandatory_four_proof: must be true or false, not the string "
                + "\"yes\""), Toml.refused("[hypermesh.consensus]\nmandatory_four_proof = \"yes\"\n"));
        assertEquals(List.of("stoq.performance.target_throughput_gbps: 0.0 is not a throughput in Gbit/s (a number "
                + "greater than 0 and at most 10000)"),
                Toml.refused("[stoq.performance]\ntarget_throughput_gbps = 0.0\n"));
        assertEquals(List.of("stoq.performance.target_throughput_gbps: Infinity is not a throughput in Gbit/s (a "
                + "number greater than 0 and at most 10000)"),
                Toml.refused("[stoq.performance]\ntarget_throughput_gbps = inf\n"));
        assertEquals(List.of("management.alerts.stoq_throughput_alert_ratio: 1.5 is not a share of the target "
                + "throughput (a number greater than 0 and at most 1)"),
                Toml.refused("[management.alerts]\nstoq_throughput_alert_ratio = 1.5\n"));
        assertEquals(List.of("stoq.performance.congestion_control: must be one of \"cubic\", \"reno\", \"bbr\", not "
                + "the string \"vegas\""), Toml.refused("[stoq.performance]\ncongestion_control = \"vegas\"\n"));
        assertEquals(List.of("stoq.performance.max_udp_payload: 1000 is not a UDP payload size in bytes (an "
                + "integer from 1200 to 65527)"), Toml.refused("[stoq.performance]\nmax_udp_payload = 1000\n"));
        assertEquals(List.of("trustchain.dns.zone: \"-bad-.network\" is not a DNS zone name such as "
                + "\"internet2.network\" (letters, digits, hyphens; two labels or more)"),
                Toml.refused("[trustchain.dns]\nzone = \"-bad-.network\"\n"));
        assertEquals(List.of("trustchain.ca.enable_auto_rotation: must be true or false, not a table"),
                Toml.refused("[trustchain.ca]\nenable_auto_rotation = { on = true }\n"));
        assertEquals(List.of("trustchain.dns.zone: must be a DNS zone name such as \"internet2.network\" (letters, "
                + "digits, hyphens; two labels or more), not a date/time 1979-05-27"),
                Toml.refused("[trustchain.dns]\nzone = 1979-05-27\n"));
    }

    @Test
    public void reportsEveryProblemAtOnceInFileOrder() {
        List<String> problems = Toml.refused("""
                [global]
                bind_address = "127.0.0.1"
                port = 70000
                [hypermesh.consensus]
                validation_timeout = 100
                [trustchain.ca]
                ca_mode = "external"
                [unknown]
                key = 1
                """);
        assertEquals(4, problems.size());
        assertTrue(problems.get(0).startsWith("global.bind_address: "));
        assertTrue(problems.get(1).startsWith("global.port: "));
        assertTrue(problems.get(2).startsWith("hypermesh.consensus.validation_timeout: must be a duration"));
        assertTrue(problems.get(3).startsWith("trustchain.ca.ca_mode: "));
    }

    @Test
    public void refusedFileMessageListsEveryProblemAndSaysNothingWasApplied() {
        ConfigurationRefusedException refused = new ConfigurationRefusedException(List.of("a.b: bad", "c.d: worse"));
        assertEquals("configuration refused, nothing was applied (2 problems):\n  a.b: bad\n  c.d: worse",
                refused.getMessage());
    }

    @Test
    public void reportsUnknownTablesAndKeysAsWarningsAndAppliesTheRest() throws Exception {
        MappedConfiguration mapped = TomlImport.read("""
                title = "node"
                [global]
                port = 4433
                prot = 1
                [stoq.performance]
                target_throughput_gpbs = 40.0
                [legacy]
                http_gateway = true
                [legacy.tls]
                versions = ["1.2"]
                [hypermesh]
                sharding = 4
                [empty]
                """);
        assertEquals(Map.of(SeedKeys.STOQ, Map.of("port", "4433")), mapped.pids());
        List<String> warnings = mapped.warnings();
        assertEquals(warnings.toString(), 7, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).startsWith("unknown key title outside any table: ignored"));
        assertEquals("unknown key global.prot: ignored (keys of [global]: bind_address, port)", warnings.get(1));
        assertTrue(warnings.get(2), warnings.get(2).startsWith("unknown key stoq.performance.target_throughput_gpbs: "
                + "ignored (keys of [stoq.performance]: target_throughput_gbps, enable_zero_copy, "));
        assertTrue(warnings.get(3), warnings.get(3).startsWith("unknown key legacy.http_gateway: ignored ([legacy] "
                + "is not a table of ours; known tables: global, stoq.performance, "));
        assertTrue(warnings.get(4), warnings.get(4).startsWith("unknown key legacy.tls.versions: ignored"));
        assertTrue(warnings.get(5), warnings.get(5).startsWith("unknown key hypermesh.sharding: ignored"));
        assertTrue(warnings.get(6), warnings.get(6).startsWith("unknown table [empty] (empty): ignored"));
    }

    @Test
    public void refusesTextThatIsNotToml() {
        List<String> problems = Toml.refused("[global]\nport = 1\nport = 2\n");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0), problems.get(0).startsWith("not valid TOML at line "));
        assertTrue(problems.get(0), problems.get(0).contains("Duplicate key"));
    }

    @Test
    public void anEmptyFileSetsNothing() throws Exception {
        MappedConfiguration mapped = TomlImport.read("# nothing\n");
        assertEquals(Map.of(), mapped.pids());
        assertEquals(List.of(), mapped.warnings());
    }

    @Test
    public void refusesStoqAndDnsOnTheSameUdpPort() throws Exception {
        assertEquals(List.of("trustchain.dns.port: 4433 is also global.port, the STOQ port; both listen on UDP, so "
                + "they need different ports (or distinct bind addresses, both given)"), Toml.refused("""
                [global]
                port = 4433
                [trustchain.dns]
                bind_address = "::"
                port = 4433
                """));
        // distinct addresses, neither the wildcard: allowed
        MappedConfiguration apart = TomlImport.read("""
                [global]
                bind_address = "::1"
                port = 4433
                [trustchain.dns]
                bind_address = "2001:db8::53"
                port = 4433
                """);
        assertEquals("4433", apart.pids().get(SeedKeys.DNS).get("port"));
    }

    private static final String DNS_ON_4433 = "[trustchain.dns]\nport = 4433\n";

    /** The node's values known: a DNS port alone in the file is checked against STOQ's, on the node or default. */
    @Test
    public void refusesADnsPortThatTheNodesStoqTransportUses() throws Exception {
        // the file alone says nothing about STOQ
        assertEquals("4433", TomlImport.read(DNS_ON_4433).pids().get(SeedKeys.DNS).get("port"));
        // a node without a STOQ configuration: the transport's default, ::1 port 4433
        assertEquals(List.of("trustchain.dns.port: 4433 is also the STOQ port, global.port = 4433 (the default), on "
                + "overlapping addresses: STOQ on ::1 (the default), DNS on ::1 (the default); both listen on UDP, so "
                + "they need different ports (or distinct bind addresses, neither ::)"),
                refused(DNS_ON_4433, Map.of()));
        // the production values, as a .cfg file holds them, and as ConfigAdmin does (numbers)
        assertEquals(List.of("trustchain.dns.port: 443 is also the STOQ port, global.port = 443 (already set on the "
                + "node), on overlapping addresses: STOQ on :: (already set on the node), DNS on :: (already set on the"
                + " node); both listen on UDP, so they need different ports (or distinct bind addresses, neither ::)"),
                refused("[trustchain.dns]\nport = 443\n", Map.of(
                        SeedKeys.STOQ, Map.of("bind.address", "::", "port", "443"),
                        SeedKeys.DNS, Map.of("bind.address", "::", "port", "53"))));
        assertEquals(1, refused(DNS_ON_4433, Map.of(SeedKeys.STOQ, Map.of("port", 4433))).size());
        // the wildcard overlaps every address
        assertEquals(1, refused("[trustchain.dns]\nport = 4433\nbind_address = \"2001:db8::53\"\n",
                Map.of(SeedKeys.STOQ, Map.of("bind.address", "::"))).size());
    }

    @Test
    public void acceptsADnsPortTheStoqTransportDoesNotUseOrUsesElsewhere() throws Exception {
        assertEquals("4433", TomlImport.read(DNS_ON_4433, Map.of(SeedKeys.STOQ, Map.of("port", "443")))
                .pids().get(SeedKeys.DNS).get("port"));
        assertEquals("4433", TomlImport.read(DNS_ON_4433, Map.of(
                SeedKeys.STOQ, Map.of("bind.address", "2001:db8::1", "port", "4433"),
                SeedKeys.DNS, Map.of("bind.address", "2001:db8::53"))).pids().get(SeedKeys.DNS).get("port"));
        // the file moves STOQ away in the same import
        TomlImport.read("[global]\nport = 443\n" + DNS_ON_4433, Map.of());
    }

    @Test
    public void refusesAStoqPortThatTheNodesDnsServerUses() throws Exception {
        // a node without a DNS configuration: the server's default, ::1 port 8053
        assertEquals(List.of("global.port: 8053 is also the DNS port, trustchain.dns.port = 8053 (the default), on "
                + "overlapping addresses: STOQ on ::1 (the default), DNS on ::1 (the default); both listen on UDP, so "
                + "they need different ports (or distinct bind addresses, neither ::)"),
                refused("[global]\nport = 8053\n", Map.of()));
        TomlImport.read("[global]\nport = 8053\n", Map.of(SeedKeys.DNS, Map.of("port", "53")));
    }

    @Test
    public void refusesABindAddressThatMakesTheListenersOverlap() throws Exception {
        Map<String, Map<String, String>> apart = Map.of(
                SeedKeys.STOQ, Map.of("bind.address", "2001:db8::1", "port", "4433"),
                SeedKeys.DNS, Map.of("bind.address", "2001:db8::53", "port", "4433"));
        assertEquals(List.of("trustchain.dns.bind_address: \"::\" overlaps the STOQ address: STOQ on 2001:db8::1 "
                + "(already set on the node), DNS on :: (set by this file), and both use port 4433 (STOQ: already set "
                + "on the node, DNS: already set on the node); both listen on UDP, so they need different ports (or "
                + "distinct bind addresses, neither ::)"),
                refused("[trustchain.dns]\nbind_address = \"::\"\n", apart));
        assertEquals(List.of("global.bind_address"), refused("[global]\nbind_address = \"2001:db8::53\"\n", apart)
                .stream().map(problem -> problem.substring(0, problem.indexOf(':'))).toList());
    }

    /** A clash the node already has is not this file's: a file that does not touch either listener is applied. */
    @Test
    public void leavesAClashTheFileDoesNotTouchAlone() throws Exception {
        Map<String, Map<String, String>> clashing = Map.of(
                SeedKeys.STOQ, Map.of("port", "4433"), SeedKeys.DNS, Map.of("port", "4433"));
        assertEquals("true", TomlImport.read("[stoq.performance]\nenable_hardware_acceleration = true\n", clashing)
                .pids().get(SeedKeys.STOQ).get("udp.offload"));
    }

    private static List<String> refused(String toml, Map<String, ? extends Map<String, ?>> existing) {
        return assertThrows(ConfigurationRefusedException.class,
                () -> TomlImport.read(toml, existing)).problems();
    }
}
