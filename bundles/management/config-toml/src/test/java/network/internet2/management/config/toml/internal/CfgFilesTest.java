package network.internet2.management.config.toml.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CfgFilesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void setsKeysInPlaceAndKeepsEveryOtherLine() {
        List<String> merged = CfgFiles.merged(List.of(
                "# STOQ listener",
                "bind.address = ::1",
                "port=4433",
                "key.exchange.groups = X25519MLKEM768, \\",
                "    MLKEM1024",
                "idle.timeout.seconds : 30"), Map.of("port", "443", "key.exchange.groups", "MLKEM1024",
                        "udp.offload", "false"), "production.toml");
        assertEquals(List.of(
                "# STOQ listener",
                "bind.address = ::1",
                "port = 443",
                "key.exchange.groups = MLKEM1024",
                "idle.timeout.seconds : 30",
                "# set from production.toml",
                "udp.offload = false"), merged);
    }

    @Test
    public void createsMissingFilesAndSaysWhichItCreated() throws Exception {
        Path etc = folder.newFolder("etc").toPath();
        Files.writeString(etc.resolve(SeedKeys.STOQ + ".cfg"), "# mine\nport = 4433\nmax.connections = 7\n",
                StandardCharsets.UTF_8);
        List<CfgFiles.WrittenFile> written = CfgFiles.merge(etc, Map.of(
                SeedKeys.STOQ, Map.of("port", "443"),
                SeedKeys.ALERTS, Map.of("stoq.target.throughput.gbps", "40.0")), "x.toml");
        assertEquals(List.of(new CfgFiles.WrittenFile(etc.resolve(SeedKeys.ALERTS + ".cfg"), true),
                new CfgFiles.WrittenFile(etc.resolve(SeedKeys.STOQ + ".cfg"), false)), written);
        assertEquals("# mine\nport = 443\nmax.connections = 7\n",
                Files.readString(etc.resolve(SeedKeys.STOQ + ".cfg"), StandardCharsets.UTF_8));
        assertEquals(Map.of(SeedKeys.STOQ, Map.of("port", "443", "max.connections", "7"),
                SeedKeys.ALERTS, Map.of("stoq.target.throughput.gbps", "40.0")),
                CfgFiles.read(etc, List.of(SeedKeys.STOQ, SeedKeys.ALERTS, SeedKeys.DNS)));
        try (var files = Files.list(etc)) {
            assertFalse("no temporary file is left", files.anyMatch(file -> file.toString().endsWith(".tmp")));
        }
    }

    @Test
    public void escapesBackslashesSoThatTheFileReadsBackTheSameValue() throws Exception {
        Path etc = folder.newFolder("escapes").toPath();
        CfgFiles.merge(etc, Map.of("some.pid", Map.of("path", "C:\\node\\data")), "x.toml");
        assertEquals("C:\\node\\data", CfgFiles.read(etc, List.of("some.pid")).get("some.pid").get("path"));
        assertTrue(Files.readString(etc.resolve("some.pid.cfg")).contains("path = C:\\\\node\\\\data"));
    }
}
