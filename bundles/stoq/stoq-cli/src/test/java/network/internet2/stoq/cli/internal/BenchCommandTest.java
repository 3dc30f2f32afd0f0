package network.internet2.stoq.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.impl.action.command.DefaultActionPreparator;
import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

/** The options of {@code stoq:bench} and {@code stoq:handshakes}, as Karaf's own parser fills them. */
public class BenchCommandTest {

    private static void parse(Action action, String... words) throws Exception {
        assertTrue(new DefaultActionPreparator().prepare(action, null, new ArrayList<>(List.of(words))));
    }

    private static String refusal(BenchCommand command) {
        return assertThrows(CommandException.class, command::checkOptions).getMessage();
    }

    @Test
    public void namesTheOptionThatIsOutOfRangeBeforeConnecting() throws Exception {
        BenchCommand megabytes = new BenchCommand();
        parse(megabytes, "-m", "0", "::1");
        assertEquals("--megabytes must be 1..4096, not 0", refusal(megabytes));
        // execute() checks first: without a transport it would fail otherwise
        assertEquals("--megabytes must be 1..4096, not 0",
                assertThrows(CommandException.class, megabytes::execute).getMessage());

        BenchCommand streams = new BenchCommand();
        parse(streams, "--streams", "65", "::1");
        assertEquals("--streams must be 1..64, not 65", refusal(streams));

        BenchCommand timeout = new BenchCommand();
        parse(timeout, "-t", "0", "::1");
        assertEquals("--timeout must be at least 1 second, not 0", refusal(timeout));
    }

    @Test
    public void handshakesRefusesACountOutOfRangeBeforeConnecting() throws Exception {
        HandshakesCommand handshakes = new HandshakesCommand();
        parse(handshakes, "-n", "0", "::1");
        assertEquals("--count must be 1..10000, not 0",
                assertThrows(CommandException.class, handshakes::execute).getMessage());
    }
}
