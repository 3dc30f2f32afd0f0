package network.internet2.trustchain.ct.cli.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

public class FormatTest {

    @Test
    public void readsARootHashInHexOfEitherCaseOrInBase64() throws Exception {
        byte[] hash = ReferenceTree.sha256(new byte[] {7});
        assertArrayEquals(hash, Format.hash(Format.hex(hash), "--first-root"));
        assertArrayEquals(hash, Format.hash(" " + Format.hex(hash).toUpperCase() + " ", "--first-root"));
        assertArrayEquals(hash, Format.hash(Base64.getEncoder().encodeToString(hash), "--first-root"));
        for (String wrong : new String[] {"", "ab", "zz".repeat(32), "ab".repeat(33), "AAAA"}) {
            assertThrows(wrong, CommandException.class, () -> Format.hash(wrong, "--first-root"));
        }
        assertThrows(CommandException.class, () -> Format.hash(null, "--first-root"));
    }

    @Test
    public void writesTimesAndAgesForAReader() {
        assertEquals("2026-05-01T10:00:00Z", Format.time(Instant.parse("2026-05-01T10:00:00.999Z")));
        Instant then = Instant.parse("2026-05-01T10:00:00Z");
        assertEquals("0 s ago", Format.age(then, then));
        assertEquals("59 s ago", Format.age(then, then.plusSeconds(59)));
        assertEquals("1 min ago", Format.age(then, then.plusSeconds(60)));
        assertEquals("2 h 5 min ago", Format.age(then, then.plus(Duration.ofMinutes(125))));
        assertEquals("3 d 1 h ago", Format.age(then, then.plus(Duration.ofHours(73))));
        assertEquals("in the future by 5 s: check the clocks of the log and of this node",
                Format.age(then, then.minusSeconds(5)));
        assertEquals("1 d", Format.span(Duration.ofHours(24)));
    }

    @Test
    public void writesNamesSerialsAndCounts() {
        // RFC 2253 text lists the RDNs last-encoded first; the table shows them in encoding order, as
        // trustchain:list does (the CA, like BouncyCastle, encodes CN first)
        assertEquals("O=Internet 2.0, CN=www.internet2.network",
                Format.subject(new X500Principal("CN=www.internet2.network, O=Internet 2.0")));
        assertEquals("(empty)", Format.subject(new X500Principal("")));
        assertEquals("ff01", Format.serial(BigInteger.valueOf(0xff01)));
        assertEquals("1 hash", Format.hashes(1));
        assertEquals("0 hashes", Format.hashes(0));
        assertEquals(List.of("Tree size  8", "Log URL    x", "Empty"), Format.aligned(List.of(
                Map.entry("Tree size", "8"), Map.entry("Log URL", "x"), Map.entry("Empty", ""))));
    }
}
