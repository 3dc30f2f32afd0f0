package network.internet2.hypermesh.assets.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

public class AmountsTest {

    @Test
    public void bytesTakeBinaryAndDecimalSuffixesInAnyCase() throws Exception {
        assertEquals(4096, Amounts.amount("4096", "memory", "bytes"));
        assertEquals(64L << 20, Amounts.amount("64MiB", "memory", "bytes"));
        assertEquals(64L << 20, Amounts.amount("64 mib", "memory", "bytes"));
        assertEquals(1L << 30, Amounts.amount("1GiB", "memory", "bytes"));
        assertEquals(3L << 29, Amounts.amount("1.5GiB", "memory", "bytes"));
        assertEquals(512L << 10, Amounts.amount("512KiB", "memory", "bytes"));
        assertEquals(2L << 40, Amounts.amount("2TiB", "storage", "bytes"));
        assertEquals(5_000_000, Amounts.amount("5MB", "storage", "bytes"));
        assertEquals(1_000, Amounts.amount("1kB", "storage", "bytes"));
        assertEquals(7, Amounts.amount("7B", "memory", "bytes"));
    }

    @Test
    public void otherUnitsAreWholeNumbersOnly() throws Exception {
        assertEquals(500, Amounts.amount("500", "cpu", "millicores"));
        CommandException suffix = assertThrows(CommandException.class, () -> Amounts.amount("2GiB", "cpu",
                "millicores"));
        assertTrue(suffix.getMessage(), suffix.getMessage().contains("cpu is counted in millicores"));
        CommandException fraction = assertThrows(CommandException.class, () -> Amounts.amount("1.5", "gpu",
                "devices"));
        assertTrue(fraction.getMessage(), fraction.getMessage().contains("not a whole number of devices"));
    }

    @Test
    public void refusesWhatIsNotAPositiveWholeAmount() {
        for (String text : new String[] {"", "-1", "0", "0GiB", "abc", "1.2.3", "64 MiB x", "64Mi", "1e3", "0.5"}) {
            CommandException refusal = assertThrows(text, CommandException.class,
                    () -> Amounts.amount(text, "memory", "bytes"));
            assertTrue(refusal.getMessage(), refusal.getMessage().contains("MiB") || refusal.getMessage()
                    .contains("at least 1"));
        }
        CommandException huge = assertThrows(CommandException.class,
                () -> Amounts.amount("99999999999TiB", "memory", "bytes"));
        assertTrue(huge.getMessage(), huge.getMessage().contains("too large"));
        assertTrue(assertThrows(CommandException.class, () -> Amounts.amount("0.5", "memory", "bytes"))
                .getMessage().contains("not a whole number of bytes"));
    }

    @Test
    public void leasesAreSecondsOrCarryAUnit() throws Exception {
        assertEquals(Duration.ofSeconds(3600), Amounts.lease("3600"));
        assertEquals(Duration.ofSeconds(90), Amounts.lease("90s"));
        assertEquals(Duration.ofMinutes(90), Amounts.lease("90m"));
        assertEquals(Duration.ofHours(2), Amounts.lease("2h"));
        assertEquals(Duration.ofDays(365), Amounts.lease("365d"));
        for (String text : new String[] {"0", "-5", "1.5h", "2w", "366d", "h", "9999999999999"}) {
            CommandException refusal = assertThrows(text, CommandException.class, () -> Amounts.lease(text));
            assertTrue(refusal.getMessage(), refusal.getMessage().contains("give seconds (3600)"));
        }
    }
}
