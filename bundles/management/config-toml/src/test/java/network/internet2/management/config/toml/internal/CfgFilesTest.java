package network.internet2.management.config.toml.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
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

    private static final String ALERTS_BEFORE = "# alerts\nstoq.throughput.alert.ratio = 0.9\n";
    private static final String STOQ_BEFORE = "port = 4433\n";

    private static final Map<String, Map<String, String>> THREE_PIDS = Map.of(
            SeedKeys.CONSENSUS, Map.of("validation.timeout.ms", "250"),
            SeedKeys.ALERTS, Map.of("stoq.throughput.alert.ratio", "0.5"),
            SeedKeys.STOQ, Map.of("congestion.control", "bbr"));

    private Path etcWithAlertsAndStoq() throws Exception {
        Path etc = folder.newFolder("etc").toPath();
        Files.writeString(etc.resolve(SeedKeys.ALERTS + ".cfg"), ALERTS_BEFORE, StandardCharsets.UTF_8);
        Files.writeString(etc.resolve(SeedKeys.STOQ + ".cfg"), STOQ_BEFORE, StandardCharsets.UTF_8);
        return etc;
    }

    /** Written in PID order (consensus, alerts, stoq): the STOQ file cannot be, so none is. */
    @Test
    public void writesNoFileWhenOneCannotBeWritten() throws Exception {
        Path etc = etcWithAlertsAndStoq();
        Path stoq = etc.resolve(SeedKeys.STOQ + ".cfg");
        Files.delete(stoq);
        // a folder where the STOQ file should be: it cannot be read nor replaced
        Files.createDirectory(stoq);
        Files.writeString(stoq.resolve("inside"), "x");
        ApplyFailedException failed = assertThrows(ApplyFailedException.class,
                () -> CfgFiles.merge(etc, THREE_PIDS, "x.toml"));
        assertEquals(stoq.toString(), failed.failed());
        assertTrue(failed.getMessage(), failed.getMessage().startsWith("could not apply " + stoq + " ("));
        assertTrue(failed.getMessage(), failed.getMessage().endsWith("; nothing was changed"));
        assertEquals(ALERTS_BEFORE, Files.readString(etc.resolve(SeedKeys.ALERTS + ".cfg"), StandardCharsets.UTF_8));
        assertFalse(Files.exists(etc.resolve(SeedKeys.CONSENSUS + ".cfg")));
        assertEquals(List.of(SeedKeys.ALERTS + ".cfg", SeedKeys.STOQ + ".cfg"), names(etc));
    }

    /** The move of the third file fails: the two moved in before are put back, the created one removed. */
    @Test
    public void restoresTheFilesAlreadyMovedInWhenAMoveFails() throws Exception {
        Path etc = etcWithAlertsAndStoq();
        Path stoq = etc.resolve(SeedKeys.STOQ + ".cfg");
        CfgFiles.Mover failingOnStoq = (from, to) -> {
            if (to.equals(stoq)) {
                throw new java.nio.file.FileSystemException(to.toString(), null, "read-only file system");
            }
            Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        };
        ApplyFailedException failed = assertThrows(ApplyFailedException.class,
                () -> CfgFiles.merge(etc, THREE_PIDS, "x.toml", failingOnStoq));
        Path alerts = etc.resolve(SeedKeys.ALERTS + ".cfg");
        Path consensus = etc.resolve(SeedKeys.CONSENSUS + ".cfg");
        assertEquals(List.of(alerts.toString(), consensus.toString()), failed.restored());
        assertEquals(List.of(), failed.notRestored());
        assertEquals("could not apply " + stoq + " (FileSystemException: " + stoq + ": read-only file system); "
                + "restored to their previous state the PIDs already changed: " + alerts + ", " + consensus
                + "; nothing else was changed", failed.getMessage());
        assertEquals(ALERTS_BEFORE, Files.readString(alerts, StandardCharsets.UTF_8));
        assertEquals(STOQ_BEFORE, Files.readString(stoq, StandardCharsets.UTF_8));
        assertEquals("no temporary file is left, and the created file is gone",
                List.of(SeedKeys.ALERTS + ".cfg", SeedKeys.STOQ + ".cfg"), names(etc));
    }

    private static List<String> names(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
