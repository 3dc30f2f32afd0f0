package network.internet2.stoq.cli.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.Test;

import network.internet2.trustchain.dns.DnsRecord;

public class PeerCompleterTest {

    private static final List<DnsRecord> ZONE = List.of(
            new DnsRecord("internet2.network.", "SOA", 3600, "dns.internet2.network. hostmaster 1 3600 900 604800 300",
                    "zone"),
            new DnsRecord("node1.internet2.network.", "AAAA", 300, "::1", "zone"),
            new DnsRecord("node2.internet2.network.", "AAAA", 300, "fd00::2", "operator"),
            new DnsRecord("node2.internet2.network.", "AAAA", 300, "fd00::3", "operator"),
            new DnsRecord("node2.internet2.network.", "RRSIG", 300, "AAAA 13 3 300 …", "zone"));

    /** The command line {@code stoq:connect <typed>} with the cursor at its end. */
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
                return new String[] {"stoq:connect", typed};
            }

            @Override
            public int getBufferPosition() {
                return getBuffer().length();
            }

            @Override
            public String getBuffer() {
                return "stoq:connect " + typed;
            }
        };
    }

    @Test
    public void offersTheNamesWithAddressesAsCertificatesNameThem() {
        assertEquals(List.of("node1.internet2.network", "node2.internet2.network"), PeerCompleter.names(ZONE));
    }

    @Test
    public void offersNothingWhileTheDnsServerIsNotRunning() {
        List<String> candidates = new ArrayList<>();
        new PeerCompleter().complete(null, typed("node"), candidates);
        assertEquals(List.of(), candidates);
    }
}
