package network.internet2.management.config.toml.internal.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ImportCommandTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /** No ConfigurationAdmin is given: a refused file must fail before the command reaches it. */
    @Test
    public void refusesABadFileBeforeTouchingConfigAdmin() throws Exception {
        Path file = folder.newFile("bad.toml").toPath();
        Files.writeString(file, "[global]\nport = 99999\n[hypermesh.consensus]\nvalidation_timeout = \"soon\"\n",
                StandardCharsets.UTF_8);
        ImportCommand command = new ImportCommand();
        command.file = file.toString();
        String message = assertThrows(CommandException.class, command::execute).getMessage();
        assertTrue(message, message.startsWith(file + ": configuration refused, nothing was applied (2 problems):"));
        assertTrue(message, message.contains("\n  global.port: 99999 is not a port (an integer from 1 to 65535)"));
        assertTrue(message, message.contains("\n  hypermesh.consensus.validation_timeout: \"soon\" is not a duration"));
    }

    @Test
    public void saysWhichFileItCannotRead() {
        ImportCommand command = new ImportCommand();
        command.file = folder.getRoot().toPath().resolve("missing.toml").toString();
        String message = assertThrows(CommandException.class, command::execute).getMessage();
        assertTrue(message, message.startsWith("cannot read " + command.file + " (NoSuchFileException"));
        assertTrue(message, message.endsWith("; nothing was changed"));
    }

    @Test
    public void resolvesFileArgumentsLikeKarafsFileCompleter() {
        assertEquals(Path.of(System.getProperty("user.home"), "node.toml"), CommandPaths.resolve("~/node.toml"));
        assertEquals(Path.of(System.getProperty("user.dir"), "config", "x.toml"), CommandPaths.resolve("config/x.toml"));
        assertEquals(Path.of("/etc/x.toml"), CommandPaths.resolve("/etc/x.toml"));
    }

    private static final String STOQ = "network.internet2.stoq.transport";
    private static final String DNS = "network.internet2.trustchain.dns.server";
    private static final String ALERTS = "network.internet2.management.alerts";
    private static final String CONSENSUS = "network.internet2.hypermesh.consensus";

    private ImportCommand command(FakeConfigurationAdmin admin, String toml, boolean dryRun) throws Exception {
        Path file = folder.newFile().toPath();
        Files.writeString(file, toml, StandardCharsets.UTF_8);
        ImportCommand command = new ImportCommand();
        command.configurationAdmin = admin;
        command.file = file.toString();
        command.dryRun = dryRun;
        return command;
    }

    /** The node's STOQ transport is on UDP 443 (ConfigAdmin holds the number): DNS may not move there. */
    @Test
    public void refusesADnsPortTheNodesStoqTransportUsesAndChangesNothing() throws Exception {
        FakeConfigurationAdmin admin = new FakeConfigurationAdmin()
                .with(STOQ, Map.of("bind.address", "::", "port", 443))
                .with(DNS, Map.of("bind.address", "::", "port", 53));
        for (boolean dryRun : List.of(true, false)) {
            ImportCommand command = command(admin, "[trustchain.dns]\nport = 443\n", dryRun);
            String message = assertThrows(CommandException.class, command::execute).getMessage();
            assertTrue(message, message.startsWith(command.file + ": configuration refused, nothing was applied (1 "
                    + "problem):\n  trustchain.dns.port: 443 is also the STOQ port, global.port = 443 (already set on "
                    + "the node), on overlapping addresses: STOQ on :: (already set on the node), DNS on :: (already "
                    + "set on the node); both listen on UDP"));
        }
        assertEquals(List.of(), admin.calls);
        assertEquals(53, admin.properties(DNS).get("port"));
    }

    /** A node that never configured STOQ listens on the transport's default, ::1 port 4433. */
    @Test
    public void refusesTheDefaultStoqPortOnANodeWithoutStoqConfiguration() throws Exception {
        FakeConfigurationAdmin admin = new FakeConfigurationAdmin();
        String message = assertThrows(CommandException.class,
                command(admin, "[trustchain.dns]\nport = 4433\n", false)::execute).getMessage();
        assertTrue(message, message.contains("\n  trustchain.dns.port: 4433 is also the STOQ port, global.port = 4433 "
                + "(the default), on overlapping addresses: STOQ on ::1 (the default), DNS on ::1 (the default)"));
        assertEquals(List.of(), admin.calls);
        assertFalse(admin.exists(DNS));

        command(admin, "[trustchain.dns]\nport = 5353\n", false).execute();
        assertEquals(List.of("update " + DNS), admin.calls);
        assertEquals("5353", admin.properties(DNS).get("port"));
    }

    /**
     * PIDs are updated in order (consensus, created; alerts; STOQ, whose update fails): the two
     * updated before are put back, the created one deleted, and the message names them.
     */
    @Test
    public void restoresThePidsAlreadyUpdatedWhenAnUpdateFails() throws Exception {
        Map<String, Object> alerts = Map.of("stoq.throughput.alert.ratio", "0.9", "consensus.validation.max.ms", 900L);
        Map<String, Object> stoq = Map.of("port", 4433, "congestion.control", "cubic");
        FakeConfigurationAdmin admin = new FakeConfigurationAdmin().with(ALERTS, alerts).with(STOQ, stoq)
                .failingOn(STOQ);
        Map<String, Object> alertsBefore = admin.properties(ALERTS);
        Map<String, Object> stoqBefore = admin.properties(STOQ);
        ImportCommand command = command(admin, """
                [hypermesh.consensus]
                validation_timeout = "250ms"
                [management.alerts]
                stoq_throughput_alert_ratio = 0.5
                [stoq.performance]
                congestion_control = "bbr"
                """, false);
        String message = assertThrows(CommandException.class, command::execute).getMessage();
        assertEquals("import of " + command.file + " failed: could not apply " + STOQ + " (IOException: cannot store "
                + STOQ + ": disk full); restored to their previous state the PIDs already changed: " + ALERTS + ", "
                + CONSENSUS + "; nothing else was changed", message);
        assertEquals(List.of("update " + CONSENSUS, "update " + ALERTS, "update " + ALERTS, "delete " + CONSENSUS),
                admin.calls);
        assertEquals(alertsBefore, admin.properties(ALERTS));
        assertEquals(stoqBefore, admin.properties(STOQ));
        assertFalse("a configuration that did not exist before is deleted", admin.exists(CONSENSUS));
    }

    /** The one PID fails, and it did not exist: the configuration created for it must not stay behind. */
    @Test
    public void deletesTheConfigurationCreatedForAFailedUpdate() throws Exception {
        FakeConfigurationAdmin admin = new FakeConfigurationAdmin().failingOn(CONSENSUS);
        ImportCommand command = command(admin, "[hypermesh.consensus]\nvalidation_timeout = \"250ms\"\n", false);
        String message = assertThrows(CommandException.class, command::execute).getMessage();
        assertEquals("import of " + command.file + " failed: could not apply " + CONSENSUS + " (IOException: cannot "
                + "store " + CONSENSUS + ": disk full); nothing was changed", message);
        assertFalse(admin.exists(CONSENSUS));
    }
}
