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
}
