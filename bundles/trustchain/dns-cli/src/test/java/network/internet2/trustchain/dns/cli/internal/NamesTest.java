package network.internet2.trustchain.dns.cli.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class NamesTest {

    @Test
    public void qualifiesNamesInTheZoneAsTheServerDoes() {
        assertEquals("stoq.internet2.network.", Names.absolute("stoq", "internet2.network."));
        assertEquals("stoq.internet2.network.", Names.absolute("STOQ.internet2.network", "internet2.network."));
        assertEquals("stoq.internet2.network.", Names.absolute(" stoq.internet2.network. ", "internet2.network."));
        assertEquals("internet2.network.", Names.absolute("internet2.network", "internet2.network."));
        assertEquals("a.b.internet2.network.", Names.absolute("a.b", "internet2.network"));
        assertEquals("", Names.absolute(null, "internet2.network."));
    }

    @Test
    public void takesASingleLabelInTheZoneWhenResolving() {
        assertEquals("stoq.internet2.network.", ResolveCommand.qualified("stoq", "internet2.network."));
        assertEquals("stoq.", ResolveCommand.qualified("stoq.", "internet2.network."));
        assertEquals("www.example.org", ResolveCommand.qualified("www.example.org", "internet2.network."));
    }
}
