package network.internet2.trustchain.ca.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

public class SerialsTest {

    private static final BigInteger SERIAL = new BigInteger("4f3a00c2d19e8b7766554433221100ff", 16);

    @Test
    public void parsesTheHexThatListShows() throws Exception {
        assertEquals(SERIAL, Serials.parse(Serials.hex(SERIAL)));
        assertEquals("4f3a00c2d19e8b7766554433221100ff", Serials.hex(SERIAL));
    }

    @Test
    public void acceptsUpperCaseAPrefixColonsAndSurroundingSpace() throws Exception {
        assertEquals(SERIAL, Serials.parse("4F3A00C2D19E8B7766554433221100FF"));
        assertEquals(SERIAL, Serials.parse("0x4f3a00c2d19e8b7766554433221100ff"));
        assertEquals(SERIAL, Serials.parse("4f:3a:00:c2:d1:9e:8b:77:66:55:44:33:22:11:00:ff"));
        assertEquals(SERIAL, Serials.parse("  4f3a00c2d19e8b7766554433221100ff\n"));
    }

    @Test
    public void rejectsTextThatIsNotHexSayingHowToGiveASerial() {
        for (String wrong : new String[] {"", "  ", "0x", "xyz", "12g4", "-1f", "1f 2e", "4f3a.00"}) {
            CommandException e = assertThrows(wrong, CommandException.class, () -> Serials.parse(wrong));
            assertTrue(e.getMessage(), e.getMessage().contains("not a certificate serial"));
            assertTrue(e.getMessage(), e.getMessage().contains("hexadecimal"));
        }
        CommandException missing = assertThrows(CommandException.class, () -> Serials.parse(null));
        assertTrue(missing.getMessage(), missing.getMessage().contains("not a certificate serial"));
    }

    @Test
    public void rejectsSerialsLongerThanTwentyOctets() throws Exception {
        assertEquals(BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE), Serials.parse("f".repeat(40)));
        assertEquals(BigInteger.ONE, Serials.parse("0".repeat(60) + "1"));
        CommandException e = assertThrows(CommandException.class, () -> Serials.parse("1" + "0".repeat(40)));
        assertTrue(e.getMessage(), e.getMessage().contains("20 octets"));
    }
}
