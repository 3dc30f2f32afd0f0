package network.internet2.trustchain.ct.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class LogListTest {

    @Test
    public void aPublicationNeedsAnOperatorAndAnAddress() {
        String[][] bad = {
            {"", "ct@internet2.network"},
            {"  ", "ct@internet2.network"},
            {"operator", ""},
            {"operator", "not-an-address"},
            {"operator", "@internet2.network"},
            {"operator", "ct@"},
        };
        for (String[] publication : bad) {
            IllegalArgumentException refusal = assertThrows(String.join("|", publication),
                    IllegalArgumentException.class,
                    () -> new LogList.Publication(publication[0], List.of(publication[1]), ""));
            assertTrue(refusal.getMessage(), refusal.getMessage().startsWith("operator."));
        }
        assertThrows(IllegalArgumentException.class,
                () -> new LogList.Publication("operator", List.of("a@b.c", " a@b.c"), ""));
    }

    @Test
    public void addressesAreSplitAtCommasTrimmedAndEmptyOnesDropped() {
        LogList.Publication publication = new LogList.Publication("operator", List.of(" ct@internet2.network ", ""),
                null);
        assertEquals(List.of("ct@internet2.network"), publication.operatorEmails());
        assertEquals("", publication.description());
        assertEquals(List.of("a@internet2.network", "b@internet2.network"), new LogList.Publication("operator",
                List.of("a@internet2.network, b@internet2.network"), "").operatorEmails());
    }
}
