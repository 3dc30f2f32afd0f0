package network.internet2.trustchain.dns.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
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
 * reads options only until the first argument: after it, {@code --ttl} is an
 * argument too. These tests pin down that the documented order works and that
 * the other order is refused before anything is added.
 */
public class CommandLineTest {

    private static final List<Class<? extends Action>> COMMANDS = List.of(RecordsCommand.class,
            ResolveCommand.class, AddCommand.class, RemoveCommand.class, DelegationSignerCommand.class,
            StatsCommand.class);

    @Rule
    public Console console = new Console();

    private final FakeDns dns = FakeDns.sampleZone();

    private static boolean parse(Action action, String... words) throws Exception {
        return new DefaultActionPreparator().prepare(action, null, new ArrayList<>(List.of(words)));
    }

    private AddCommand add() {
        AddCommand command = new AddCommand();
        command.dns = dns;
        return command;
    }

    @Test
    public void addTakesItsTtlBeforeTheNameAndAddress() throws Exception {
        AddCommand command = add();
        assertTrue(parse(command, "--ttl", "60", "scanner", "2001:db8::8"));
        assertEquals(60, command.ttl);
        assertEquals("scanner", command.name);
        assertEquals("2001:db8::8", command.address);
        command.execute();
        assertEquals(List.of("scanner 2001:db8:0:0:0:0:0:8 60"), dns.addCalls);

        AddCommand alias = add();
        assertTrue(parse(alias, "-t=120", "scanner", "::ffff:1:2"));
        assertEquals(120, alias.ttl);

        AddCommand defaults = add();
        assertTrue(parse(defaults, "scanner", "2001:db8::8"));
        assertEquals(AddCommand.DEFAULT_TTL_SECONDS, defaults.ttl);
    }

    @Test
    public void aTtlAfterTheArgumentsIsRefusedBeforeAnythingIsAdded() {
        CommandException e = assertThrows(CommandException.class,
                () -> parse(add(), "scanner", "2001:db8::8", "--ttl", "60"));
        assertTrue(e.getMessage(), e.getMessage().toLowerCase().contains("too many arguments"));
        assertEquals(List.of(), dns.addCalls);
    }

    @Test
    public void aNegativeTtlIsParsedThenRefusedByTheCommand() throws Exception {
        AddCommand command = add();
        assertTrue(parse(command, "--ttl", "-5", "scanner", "2001:db8::8"));
        assertEquals(-5, command.ttl);
        assertThrows(CommandException.class, command::execute);
        assertEquals(List.of(), dns.addCalls);
        assertThrows(CommandException.class, () -> parse(add(), "--ttl", "five", "scanner", "2001:db8::8"));
    }

    @Test
    public void recordsTakesItsFiltersAsOptions() throws Exception {
        RecordsCommand command = new RecordsCommand();
        assertTrue(parse(command, "--type", "aaaa", "-o", "zone", "--full"));
        assertEquals("aaaa", command.type);
        assertEquals("zone", command.owner);
        assertTrue(command.full);
        assertThrows(CommandException.class, () -> parse(new RecordsCommand(), "AAAA"));
    }

    @Test
    public void resolveAndRemoveTakeOneName() throws Exception {
        ResolveCommand resolve = new ResolveCommand();
        assertTrue(parse(resolve, "stoq"));
        assertEquals("stoq", resolve.name);
        assertThrows(CommandException.class, () -> parse(new ResolveCommand()));
        RemoveCommand remove = new RemoveCommand();
        assertTrue(parse(remove, "printer"));
        assertEquals("printer", remove.name);
        assertThrows(CommandException.class, () -> parse(new RemoveCommand(), "a", "b"));
    }

    @Test
    public void everyCommandIsADocumentedShellServiceInTheDnsScope() {
        for (Class<? extends Action> type : COMMANDS) {
            assertNotNull(type + " is not a @Service", type.getAnnotation(Service.class));
            Command command = type.getAnnotation(Command.class);
            assertEquals(type.getName(), "dns", command.scope());
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
    }
}
