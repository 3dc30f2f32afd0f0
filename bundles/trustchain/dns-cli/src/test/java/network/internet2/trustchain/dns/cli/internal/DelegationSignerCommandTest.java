package network.internet2.trustchain.dns.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Rule;
import org.junit.Test;

public class DelegationSignerCommandTest {

    @Rule
    public Console console = new Console();

    private final FakeDns dns = FakeDns.sampleZone();

    private String run() throws Exception {
        DelegationSignerCommand command = new DelegationSignerCommand();
        command.dns = dns;
        command.execute();
        return console.out();
    }

    @Test
    public void printsEachDsRecordOnALineOfItsOwn() throws Exception {
        dns.delegationSigner.add("internet2.network. 3600 IN DS 4711 13 2 " + "AB".repeat(32));
        dns.delegationSigner.add("internet2.network. 3600 IN DS 4712 13 2 " + "CD".repeat(32));
        assertEquals("internet2.network. 3600 IN DS 4711 13 2 " + "AB".repeat(32) + "\n"
                + "internet2.network. 3600 IN DS 4712 13 2 " + "CD".repeat(32) + "\n", run());
    }

    @Test
    public void saysDnssecIsTurnedOffAndHowToTurnItOn() throws Exception {
        String out = run();
        assertTrue(out, out.startsWith("DNSSEC is turned off"));
        assertTrue(out, out.contains("network.internet2.trustchain.dns.server"));
        assertTrue(out, out.contains("dnssec.enabled"));
        assertEquals(1, out.split("\n").length);
    }
}
