package network.internet2.trustchain.ca.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

import network.internet2.trustchain.ca.RevocationReason;

public class ReasonsTest {

    @Test
    public void namesReasonsInCamelCase() {
        assertEquals("keyCompromise", Reasons.name(RevocationReason.KEY_COMPROMISE));
        assertEquals("unspecified", Reasons.name(RevocationReason.UNSPECIFIED));
        assertEquals("cessationOfOperation", Reasons.name(RevocationReason.CESSATION_OF_OPERATION));
        assertEquals(RevocationReason.values().length, Reasons.names().size());
    }

    @Test
    public void everyShownNameParsesBackToItsReason() throws Exception {
        for (RevocationReason reason : RevocationReason.values()) {
            assertEquals(reason, Reasons.parse(Reasons.name(reason)));
            assertEquals(reason, Reasons.parse(String.valueOf(reason.code())));
        }
        assertEquals(RevocationReason.KEY_COMPROMISE, Reasons.parse("key-compromise"));
        assertEquals(RevocationReason.KEY_COMPROMISE, Reasons.parse("KEY_COMPROMISE"));
    }

    @Test
    public void anUnknownReasonFailsListingTheAcceptedNames() {
        CommandException e = assertThrows(CommandException.class, () -> Reasons.parse("stolen"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("unknown revocation reason 'stolen'"));
        assertTrue(e.getMessage(), e.getMessage().contains("keyCompromise, caCompromise"));
        assertThrows(CommandException.class, () -> Reasons.parse(""));
        assertThrows(CommandException.class, () -> Reasons.parse("7"));
    }
}
