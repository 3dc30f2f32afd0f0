package network.internet2.management.config.toml.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/** The shipped files, TOML → PIDs → TOML, through memory and through etc/*.cfg files. */
public class RoundTripTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /** @return every {@code table.key = value} of a TOML text */
    private static Map<String, JsonNode> values(String toml) throws Exception {
        Map<String, JsonNode> values = new TreeMap<>();
        flatten("", new TomlMapper().readTree(toml), values);
        return values;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> values) {
        if (!node.isObject()) {
            values.put(path, node);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), values);
        }
    }

    @Test
    public void shippedFilesGiveTheSameValuesAfterAnExport() throws Exception {
        for (String profile : Toml.PROFILES) {
            String original = Toml.shipped(profile);
            MappedConfiguration imported = TomlImport.read(original);
            assertEquals(profile + " has no unknown keys", java.util.List.of(), imported.warnings());
            ExportedToml exported = TomlExport.write(imported.pids(), "a test");
            assertEquals(java.util.List.of(), exported.warnings());
            assertEquals(profile, values(original), values(exported.text()));
            assertEquals(profile, imported.pids(), TomlImport.read(exported.text()).pids());
        }
    }

    @Test
    public void shippedFilesRoundTripThroughCfgFiles() throws Exception {
        for (String profile : Toml.PROFILES) {
            Path etc = folder.newFolder(profile).toPath();
            MappedConfiguration imported = TomlImport.read(Toml.shipped(profile));
            CfgFiles.merge(etc, imported.pids(), profile + ".toml");
            String exported = TomlExport.write(CfgFiles.read(etc, TomlExport.pids()), etc.toString()).text();
            assertEquals(profile, values(Toml.shipped(profile)), values(exported));
        }
    }

    /** Each property a shipped TOML sets has the value its profile's .cfg file gives it, where it gives one. */
    @Test
    public void shippedFilesMatchTheirProfiles() throws Exception {
        for (String profile : Toml.PROFILES) {
            Map<String, Map<String, String>> fromToml = TomlImport.read(Toml.shipped(profile)).pids();
            Map<String, Map<String, String>> fromCfg = CfgFiles.read(Toml.CONFIG.resolve(profile), fromToml.keySet());
            int compared = 0;
            for (Map.Entry<String, Map<String, String>> pid : fromCfg.entrySet()) {
                for (Map.Entry<String, String> property : pid.getValue().entrySet()) {
                    String tomlValue = fromToml.get(pid.getKey()).get(property.getKey());
                    if (tomlValue != null) {
                        assertEquals(profile + " " + pid.getKey() + " " + property.getKey(), property.getValue(),
                                tomlValue);
                        compared++;
                    }
                }
            }
            assertTrue(profile + ": compared " + compared, compared >= 8);
            assertTrue(Files.exists(Toml.CONFIG.resolve(profile).resolve(SeedKeys.STOQ + ".cfg")));
        }
    }

    @Test
    public void productionFileIsTheSeedsWithOurKeysAdded() throws Exception {
        Map<String, JsonNode> production = values(Toml.shipped("production"));
        assertEquals("::", production.get("global.bind_address").textValue());
        assertEquals(443, production.get("global.port").intValue());
        assertEquals(40.0, production.get("stoq.performance.target_throughput_gbps").doubleValue(), 0);
        assertEquals("100ms", production.get("hypermesh.consensus.validation_timeout").textValue());
        assertEquals("embedded", production.get("trustchain.ca.ca_mode").textValue());
        assertEquals("embedded", production.get("trustchain.dns.dns_mode").textValue());
    }
}
