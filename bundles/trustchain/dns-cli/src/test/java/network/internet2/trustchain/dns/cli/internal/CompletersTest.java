package network.internet2.trustchain.dns.cli.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.Test;

public class CompletersTest {

    /** The command line {@code dns:resolve <typed>} with the cursor at its end. */
    private static CommandLine typed(String typed) {
        return new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 1;
            }

            @Override
            public String getCursorArgument() {
                return typed;
            }

            @Override
            public int getArgumentPosition() {
                return typed.length();
            }

            @Override
            public String[] getArguments() {
                return new String[] {"dns:resolve", typed};
            }

            @Override
            public int getBufferPosition() {
                return getBuffer().length();
            }

            @Override
            public String getBuffer() {
                return "dns:resolve " + typed;
            }
        };
    }

    @Test
    public void offersTheDistinctNamesOfAddressRecords() {
        assertEquals(List.of("dns.internet2.network.", "printer.internet2.network.", "stoq.internet2.network."),
                Names.addressNames(FakeDns.sampleZone().records()));
        assertEquals(List.of(), Names.addressNames(List.of()));
    }

    @Test
    public void completesWhatIsTypedFromTheServersRecords() {
        NameCompleter completer = new NameCompleter();
        completer.dns = FakeDns.sampleZone();
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typed("st"), candidates);
        assertEquals(List.of("stoq.internet2.network."), candidates.stream().map(String::strip).toList());
    }

    @Test
    public void offersTheDistinctOwners() {
        assertEquals(List.of("zone", "operator", "network.internet2.stoq"),
                OwnerCompleter.owners(FakeDns.sampleZone().records()));
    }

    @Test
    public void dnsRemoveIsOfferedOnlyTheNamesOfOperatorRecords() {
        FakeDns zone = FakeDns.sampleZone().record("printer.internet2.network.", "AAAA", 300, "2001:db8::8",
                "operator").record("scanner.internet2.network.", "AAAA", 300, "2001:db8::9", "operator");
        assertEquals(List.of("printer.internet2.network.", "scanner.internet2.network."),
                Names.operatorNames(zone.records()));
        OperatorNameCompleter completer = new OperatorNameCompleter();
        completer.dns = zone;
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typed("s"), candidates);
        // stoq.internet2.network. has addresses too, but a bundle's: dns:remove cannot remove them
        assertEquals(List.of("scanner.internet2.network."), candidates.stream().map(String::strip).toList());
    }

    @Test
    public void offersTheRecordTypesTheZoneHoldsInAnyCase() {
        assertEquals(List.of("SOA", "NS", "DNSKEY", "RRSIG", "AAAA", "NSEC"),
                Names.types(FakeDns.sampleZone().records()));
        TypeCompleter completer = new TypeCompleter();
        completer.dns = FakeDns.sampleZone();
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typed("aa"), candidates);
        assertEquals(List.of("AAAA"), candidates.stream().map(String::strip).toList());
        completer.dns = new FakeDns();
        candidates.clear();
        completer.complete(null, typed(""), candidates);
        assertEquals(List.of(), candidates);
    }
}
