package network.internet2.hypermesh.proof.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.impl.action.command.DefaultActionPreparator;
import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

public class BenchCommandTest {

    private static BenchCommand parsed(String... words) throws Exception {
        BenchCommand command = new BenchCommand();
        assertTrue(new DefaultActionPreparator().prepare(command, null, new ArrayList<>(List.of(words))));
        return command;
    }

    @Test
    public void takesTheCountAsMinusNLikeEveryCommandThatCounts() throws Exception {
        assertEquals(5, parsed("-n", "5").count);
        assertEquals(7, parsed("--count", "7").count);
        assertEquals(20, parsed().count);
    }

    @Test
    public void refusesACountOutOfRangeBeforeProvingAnything() throws Exception {
        assertEquals("--count must be between 1 and 1000, not 0",
                assertThrows(CommandException.class, parsed("-n", "0")::execute).getMessage());
        assertEquals("--count must be between 1 and 1000, not 1001",
                assertThrows(CommandException.class, parsed("-n", "1001")::execute).getMessage());
    }
}
