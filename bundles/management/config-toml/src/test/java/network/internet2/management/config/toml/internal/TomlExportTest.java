package network.internet2.management.config.toml.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

public class TomlExportTest {

    @Test
    public void writesTypedConfigAdminValuesAsTheTomlTheyCameFrom() throws Exception {
        ExportedToml exported = TomlExport.write(Map.of(
                SeedKeys.STOQ, Map.of("port", 443, "bind.address", "::", "udp.offload", Boolean.TRUE,
                        "max.connections", "1024"),
                SeedKeys.CONSENSUS, Map.of("validation.timeout.ms", 2000L),
                SeedKeys.ALERTS, Map.of("stoq.target.throughput.gbps", 40.0d)), "a test");
        String text = exported.text();
        assertTrue(text, text.contains("\n[global]\nbind_address = \"::\"\nport = 443\n"));
        assertTrue(text, text.contains("\nenable_hardware_acceleration = true\n"));
        assertTrue(text, text.contains("\nvalidation_timeout = \"2s\"\n"));
        assertTrue(text, text.contains("\ntarget_throughput_gbps = 40.0\n"));
        assertEquals(List.of(), exported.warnings());
        assertEquals(Map.of(
                SeedKeys.STOQ, Map.of("port", "443", "bind.address", "::", "udp.offload", "true"),
                SeedKeys.CONSENSUS, Map.of("validation.timeout.ms", "2000"),
                SeedKeys.ALERTS, Map.of("stoq.target.throughput.gbps", "40.0")), TomlImport.read(text).pids());
    }

    @Test
    public void writesPropertiesThatAreNotSetAsComments() {
        String text = TomlExport.write(Map.of(), "a test").text();
        assertTrue(text, text.contains("\n# port: port of network.internet2.stoq.transport is not set; the "
                + "component's default applies\n"));
        assertTrue(text, text.contains("\n[trustchain.ca]\nca_mode = \"embedded\"  # no effect: "));
    }

    @Test
    public void leavesAStoredValueThatWouldNotImportAsACommentAndWarns() throws Exception {
        ExportedToml exported = TomlExport.write(Map.of(SeedKeys.DNS, Map.of("bind.address", "0.0.0.0",
                "port", "53")), "a test");
        assertEquals(1, exported.warnings().size());
        assertTrue(exported.warnings().get(0), exported.warnings().get(0).startsWith(
                "network.internet2.trustchain.dns.server bind.address = 0.0.0.0 is not exported as "
                        + "trustchain.dns.bind_address: \"0.0.0.0\" is an IPv4 address"));
        assertTrue(exported.text(), exported.text().contains("\n# bind_address: not exported: "));
        assertEquals(Map.of(SeedKeys.DNS, Map.of("port", "53")), TomlImport.read(exported.text()).pids());
    }

    @Test
    public void quotesStringsAsTomlBasicStrings() {
        assertEquals("\"a \\\"b\\\" \\\\ c\\n\\u0001\"", TomlLiterals.quoted("a \"b\" \\ c\n\u0001"));
    }
}
