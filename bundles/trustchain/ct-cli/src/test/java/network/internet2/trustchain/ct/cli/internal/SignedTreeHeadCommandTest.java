package network.internet2.trustchain.ct.cli.internal;

import static org.junit.Assert.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;

public class SignedTreeHeadCommandTest {

    @Rule
    public Console console = new Console();

    private final FakeLog log = FakeLog.ofSize(5);

    private List<String> run(Duration after) throws Exception {
        SignedTreeHeadCommand command = new SignedTreeHeadCommand();
        command.log = log;
        command.clock = Clock.fixed(FakeLog.SIGNED_AT.plus(after), ZoneOffset.UTC);
        assertEquals(null, command.execute());
        return List.of(console.out().split("\n"));
    }

    @Test
    public void showsSizeTimeAgeRootSignaturesAndTheLogsIdentity() throws Exception {
        List<String> lines = run(Duration.ofSeconds(185));
        assertEquals(List.of(
                "Tree size                 5 entries",
                "Timestamp                 2026-05-01T10:00:00Z (3 min 5 s ago)",
                "Root hash                 " + Format.hex(log.root(5)),
                "ECDSA P-256 signature     72 bytes (TLS digitally-signed)",
                "FALCON-1024 co-signature  present (1271 bytes)",
                "Log ID                    " + Base64.getEncoder().encodeToString(FakeLog.LOG_ID),
                "Log URL                   https://ct.internet2.network/ct/v1/",
                "Maximum merge delay       1 d (86400 s)"), lines);
        assertEquals(64, Format.hex(log.root(5)).length());
        assertEquals("", console.err());
    }

    @Test
    public void saysSoWhenTheFalconCoSignatureIsMissing() throws Exception {
        log.falconSignature = new byte[0];
        assertEquals("FALCON-1024 co-signature  ABSENT: this tree head is not co-signed with the post-quantum key",
                run(Duration.ZERO).get(4));
    }

    @Test
    public void showsAnEmptyLogAndATimestampAheadOfTheClock() throws Exception {
        log.signedSize = 0;
        List<String> lines = run(Duration.ofMinutes(-2));
        assertEquals("Tree size                 0 entries", lines.get(0));
        assertEquals("Timestamp                 2026-05-01T10:00:00Z (in the future by 2 min: check the clocks of "
                + "the log and of this node)", lines.get(1));
        // the root of the empty tree is the hash of nothing
        assertEquals("Root hash                 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                lines.get(2));
    }

    @Test
    public void saysEntryForATreeOfOne() throws Exception {
        log.signedSize = 1;
        assertEquals("Tree size                 1 entry", run(Duration.ofHours(30)).get(0));
        assertEquals("Timestamp                 2026-05-01T10:00:00Z (1 d 6 h ago)", List.of(console.out()
                .split("\n")).get(1));
    }
}
