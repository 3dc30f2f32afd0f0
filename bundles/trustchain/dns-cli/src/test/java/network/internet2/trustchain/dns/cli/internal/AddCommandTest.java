package network.internet2.trustchain.dns.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Rule;
import org.junit.Test;

import network.internet2.trustchain.dns.DnsRecord;

public class AddCommandTest {

    @Rule
    public Console console = new Console();

    private final FakeDns dns = FakeDns.sampleZone();
    private final List<DnsRecord> before = dns.records();

    private AddCommand command(String name, String address) {
        AddCommand command = new AddCommand();
        command.dns = dns;
        command.name = name;
        command.address = address;
        return command;
    }

    private CommandException refused(AddCommand command) {
        CommandException e = assertThrows(CommandException.class, command::execute);
        assertEquals(List.of(), dns.addCalls);
        assertEquals(before, dns.records());
        assertEquals("", console.out());
        return e;
    }

    @Test
    public void addsTheRecordWithFiveMinutesTtlByDefaultAndPrintsIt() throws Exception {
        command("scanner", "2001:db8::8").execute();
        assertEquals(List.of("scanner 2001:db8:0:0:0:0:0:8 300"), dns.addCalls);
        assertEquals("Added scanner.internet2.network. 300 AAAA 2001:db8:0:0:0:0:0:8 (operator)\n", console.out());
    }

    @Test
    public void takesTheGivenTtlAndAnAddressInBrackets() throws Exception {
        AddCommand command = command("scanner.internet2.network.", "[2001:DB8::8]");
        command.ttl = 0;
        command.execute();
        assertEquals(List.of("scanner.internet2.network. 2001:db8:0:0:0:0:0:8 0"), dns.addCalls);
    }

    @Test
    public void refusesIpv4AndIpv4MappedAddressesWithoutCallingAdd() {
        for (String ipv4 : new String[] {"192.0.2.1", "[192.0.2.1]", "::ffff:192.0.2.1", "::FFFF:c000:0201"}) {
            CommandException e = refused(command("scanner", ipv4));
            assertTrue(e.getMessage(), e.getMessage().contains("IPv4"));
            assertTrue(e.getMessage(), e.getMessage().contains("IPv6"));
        }
        assertTrue(refused(command("scanner", "::ffff:192.0.2.1")).getMessage().contains("IPv4-mapped"));
    }

    @Test
    public void refusesWhatIsNotAnIpv6LiteralWithoutCallingAdd() {
        for (String garbage : new String[] {"", "   ", "printer.internet2.network", "localhost", "zz::1",
                "2001:db8::g", "1:2:3:4:5:6:7:8:9", "2001:db8:::1", "12345::1", "::1::", "2001:db8::1/64", "[]",
                "printer:80"}) {
            CommandException e = refused(command("scanner", garbage));
            assertTrue(garbage + ": " + e.getMessage(), e.getMessage().contains("is not an IPv6 address"));
        }
        CommandException missing = refused(command("scanner", null));
        assertTrue(missing.getMessage(), missing.getMessage().contains("is not an IPv6 address"));
        CommandException scoped = refused(command("scanner", "fe80::1%eth0"));
        assertTrue(scoped.getMessage(), scoped.getMessage().contains("has a scope"));
    }

    @Test
    public void refusesANegativeTtlWithoutCallingAdd() {
        AddCommand command = command("scanner", "2001:db8::8");
        command.ttl = -1;
        assertEquals("--ttl must be 0 or more seconds, not -1; nothing was added", refused(command).getMessage());
    }

    @Test
    public void reportsWhatTheServerRefusesAsAnErrorAndChangesNothing() {
        dns.failure = new IllegalArgumentException("'printer.example.org.' is outside the zone internet2.network.");
        CommandException e = assertThrows(CommandException.class,
                command("printer.example.org.", "2001:db8::8")::execute);
        assertEquals("'printer.example.org.' is outside the zone internet2.network.; nothing was added",
                e.getMessage());
        assertEquals(before, dns.records());
        assertEquals("", console.out());

        dns.failure = new IllegalStateException("cannot save the operator's records (disk full); the record was "
                + "not added");
        assertEquals(dns.failure.getMessage(),
                assertThrows(CommandException.class, command("scanner", "2001:db8::8")::execute).getMessage());
        assertEquals(before, dns.records());
    }
}
