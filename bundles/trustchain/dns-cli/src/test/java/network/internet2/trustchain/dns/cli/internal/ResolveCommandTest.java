package network.internet2.trustchain.dns.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Rule;
import org.junit.Test;

public class ResolveCommandTest {

    @Rule
    public Console console = new Console();

    private final FakeDns dns = FakeDns.sampleZone();

    private void resolve(String name) throws Exception {
        ResolveCommand command = new ResolveCommand();
        command.names = dns;
        command.name = name;
        assertNull(command.execute());
    }

    private static Inet6Address v6(String literal) throws Exception {
        return (Inet6Address) InetAddress.getByName(literal);
    }

    @Test
    public void printsEachAddressThenHowLongTheResolutionTookInMicroseconds() throws Exception {
        dns.answers.put("stoq.internet2.network.", List.of(v6("2001:db8::10"), v6("2001:db8::11")));
        resolve("stoq.internet2.network.");
        String[] lines = console.out().split("\n");
        assertEquals(3, lines.length);
        assertEquals("2001:db8::10", lines[0]);
        assertEquals("2001:db8::11", lines[1]);
        assertTrue(lines[2], lines[2].matches("Resolved stoq\\.internet2\\.network\\. to 2 addresses in "
                + "\\d+\\.\\d \u00b5s"));
        assertEquals("", console.err());
    }

    @Test
    public void takesASingleLabelInTheNodesZoneAndOtherNamesAsGiven() throws Exception {
        dns.answers.put("stoq.internet2.network.", List.of(v6("2001:db8::10")));
        dns.answers.put("stoq.internet2.network", List.of(v6("2001:db8::10")));
        resolve("stoq");
        assertTrue(console.out(), console.out().contains("to 1 address in "));
        resolve("stoq.internet2.network");
        assertEquals(List.of("stoq.internet2.network.", "stoq.internet2.network"), dns.resolveCalls);
    }

    @Test
    public void failsAnUnresolvableNameWithTheReasonAndHowLongItTook() throws Exception {
        CommandException failure = assertThrows(CommandException.class, () -> resolve("ghost.internet2.network."));
        assertTrue(failure.getMessage(), failure.getMessage().matches("cannot resolve ghost\\.internet2\\.network\\.: "
                + "no such name \\(NXDOMAIN\\) \\(after \\d+\\.\\d \u00b5s\\)"));
        assertEquals("", console.out());
        assertEquals("", console.err());
    }
}
