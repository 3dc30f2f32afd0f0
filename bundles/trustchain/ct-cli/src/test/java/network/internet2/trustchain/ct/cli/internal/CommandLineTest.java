package network.internet2.trustchain.ct.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.impl.action.command.DefaultActionPreparator;
import org.apache.karaf.shell.support.CommandException;
import org.junit.Rule;
import org.junit.Test;

/**
 * The commands as Karaf's own parser fills them from a command line. Karaf
 * reads options only until the first argument: after it, {@code --tree-size}
 * is an argument too. These tests pin down that the documented order works and
 * that the other order is refused before the log is asked anything.
 */
public class CommandLineTest {

    private static final List<Class<? extends Action>> COMMANDS = List.of(SignedTreeHeadCommand.class,
            EntriesCommand.class, ProveCommand.class);

    @Rule
    public Console console = new Console();

    private final FakeLog log = FakeLog.ofSize(8);

    private static boolean parse(Action action, String... words) throws Exception {
        return new DefaultActionPreparator().prepare(action, null, new ArrayList<>(List.of(words)));
    }

    private ProveCommand prove() {
        ProveCommand command = new ProveCommand();
        command.log = log;
        return command;
    }

    @Test
    public void entriesTakesStartAndCountAsOptions() throws Exception {
        EntriesCommand command = new EntriesCommand();
        assertTrue(parse(command, "--start", "5", "--count", "3"));
        assertEquals(Long.valueOf(5), command.start);
        assertEquals(3, command.count);

        EntriesCommand aliases = new EntriesCommand();
        assertTrue(parse(aliases, "-s=2", "-c=1000"));
        assertEquals(Long.valueOf(2), aliases.start);
        assertEquals(1000, aliases.count);

        EntriesCommand likeEveryCount = new EntriesCommand();
        assertTrue(parse(likeEveryCount, "-n", "7"));
        assertEquals(7, likeEveryCount.count);

        EntriesCommand defaults = new EntriesCommand();
        assertTrue(parse(defaults));
        assertNull(defaults.start);
        assertEquals(EntriesCommand.DEFAULT_COUNT, defaults.count);

        assertThrows(CommandException.class, () -> parse(new EntriesCommand(), "5"));
        assertThrows(CommandException.class, () -> parse(new EntriesCommand(), "--count", "many"));
    }

    @Test
    public void aCountOver1000IsParsedThenRefusedByTheCommand() throws Exception {
        EntriesCommand command = new EntriesCommand();
        command.log = log;
        assertTrue(parse(command, "--count", "1001"));
        assertEquals("--count must be from 1 to 1000, not 1001; list a larger range in several steps with --start",
                assertThrows(CommandException.class, command::execute).getMessage());
        assertEquals(List.of(), log.calls);
    }

    @Test
    public void proveTakesItsTreeSizeBeforeTheIndex() throws Exception {
        log.signedSize = 8;
        ProveCommand command = prove();
        assertTrue(parse(command, "--tree-size", "8", "5"));
        assertEquals(Long.valueOf(8), command.treeSize);
        assertEquals(5, command.index);
        assertNull(command.second);
        assertFalse(command.consistency);
        command.execute();
        assertTrue(console.out(), console.out().endsWith("verified against the signed tree head of size 8\n"));

        ProveCommand alias = prove();
        assertTrue(parse(alias, "-t=6", "0"));
        assertEquals(Long.valueOf(6), alias.treeSize);

        ProveCommand defaults = prove();
        assertTrue(parse(defaults, "7"));
        assertNull(defaults.treeSize);
        assertEquals(7, defaults.index);
    }

    @Test
    public void aTreeSizeAfterTheIndexIsRefusedBeforeTheLogIsAsked() {
        CommandException e = assertThrows(CommandException.class, () -> parse(prove(), "5", "--tree-size", "8"));
        assertTrue(e.getMessage(), e.getMessage().toLowerCase().contains("too many arguments"));
        assertThrows(CommandException.class, () -> parse(prove()));
        assertThrows(CommandException.class, () -> parse(prove(), "five"));
        assertEquals(List.of(), log.calls);
    }

    @Test
    public void proveTakesTwoSizesWithConsistency() throws Exception {
        ProveCommand command = prove();
        assertTrue(parse(command, "--consistency", "--first-root", "ab".repeat(32), "3", "8"));
        assertTrue(command.consistency);
        assertEquals("ab".repeat(32), command.firstRoot);
        assertEquals(3, command.index);
        assertEquals(Long.valueOf(8), command.second);

        ProveCommand latest = prove();
        assertTrue(parse(latest, "-c", "3"));
        assertTrue(latest.consistency);
        assertNull(latest.second);
        latest.execute();
        assertTrue(console.out(), console.out().startsWith("Consistency proof from the tree of size 3 to the tree "
                + "of size 8\n"));
    }

    @Test
    public void signedTreeHeadTakesNothing() throws Exception {
        assertTrue(parse(new SignedTreeHeadCommand()));
        assertThrows(CommandException.class, () -> parse(new SignedTreeHeadCommand(), "8"));
    }

    @Test
    public void everyCommandIsADocumentedShellServiceInTheCtScope() {
        for (Class<? extends Action> type : COMMANDS) {
            assertNotNull(type + " is not a @Service", type.getAnnotation(Service.class));
            Command command = type.getAnnotation(Command.class);
            assertEquals(type.getName(), "ct", command.scope());
            assertTrue(type.getName(), command.description().length() > 40);
            boolean options = false;
            boolean arguments = false;
            boolean references = false;
            for (Field field : type.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                if (option != null) {
                    options = true;
                    assertTrue(field.toString(), option.name().startsWith("--"));
                    assertFalse(field.toString(), option.description().isBlank());
                }
                Argument argument = field.getAnnotation(Argument.class);
                if (argument != null) {
                    arguments = true;
                    assertFalse(field.toString(), argument.name().equals(Argument.DEFAULT));
                    assertFalse(field.toString(), argument.description().isBlank());
                }
                references |= field.getAnnotation(Reference.class) != null;
            }
            assertTrue(type + " uses no service", references);
            if (options && arguments) {
                // Karaf stops reading options at the first argument: the help must say so
                assertTrue(type.getName(), command.description().contains("Options go before"));
            }
        }
        assertEquals(List.of("sth", "entries", "prove"),
                COMMANDS.stream().map(type -> type.getAnnotation(Command.class).name()).toList());
    }
}
