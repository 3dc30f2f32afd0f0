package network.internet2.trustchain.dns.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Rule;
import org.junit.Test;

import network.internet2.trustchain.dns.DnsRecord;

public class RemoveCommandTest {

    @Rule
    public Console console = new Console();

    private final FakeDns dns = FakeDns.sampleZone();

    private void remove(String name) throws Exception {
        RemoveCommand command = new RemoveCommand();
        command.dns = dns;
        command.names = dns;
        command.name = name;
        command.execute();
    }

    @Test
    public void removesTheOperatorRecordsOfANameAndPrintsThem() throws Exception {
        dns.record("printer.internet2.network.", "AAAA", 60, "2001:db8::70", "operator");
        remove("printer");
        assertEquals("Removed:\n"
                + "  printer.internet2.network. 300 AAAA 2001:db8::7 (operator)\n"
                + "  printer.internet2.network. 60 AAAA 2001:db8::70 (operator)\n", console.out());
        assertFalse(dns.records().stream().anyMatch(record -> record.name().startsWith("printer.")));
    }

    @Test
    public void saysThatRecordsOfTheNodeAndOfBundlesCannotBeRemovedThisWay() throws Exception {
        List<DnsRecord> before = dns.records();
        remove("stoq.internet2.network");
        String out = console.out();
        assertTrue(out, out.startsWith("no operator record named stoq.internet2.network., nothing was removed\n"));
        assertTrue(out, out.contains("stoq.internet2.network. has records of network.internet2.stoq, zone"));
        assertTrue(out, out.contains("cannot be removed with dns:remove"));
        assertEquals(before, dns.records());
        assertEquals(List.of("stoq.internet2.network"), dns.removeCalls);
    }

    @Test
    public void saysSoWhenTheNameHasNoRecordAtAll() throws Exception {
        remove("ghost");
        String out = console.out();
        assertTrue(out, out.startsWith("no operator record named ghost.internet2.network., nothing was removed\n"));
        assertTrue(out, out.contains("the node's own records and those of bundles cannot be removed this way"));
    }

    @Test
    public void reportsANameTheServerRefusesAsAnError() {
        dns.failure = new IllegalArgumentException("'bad_name!' is not a domain name");
        RemoveCommand command = new RemoveCommand();
        command.dns = dns;
        command.names = dns;
        command.name = "bad_name!";
        assertEquals("'bad_name!' is not a domain name; nothing was removed",
                assertThrows(CommandException.class, command::execute).getMessage());
        assertEquals("", console.out());
    }
}
