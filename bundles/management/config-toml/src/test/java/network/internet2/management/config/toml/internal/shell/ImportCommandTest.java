package network.internet2.management.config.toml.internal.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
