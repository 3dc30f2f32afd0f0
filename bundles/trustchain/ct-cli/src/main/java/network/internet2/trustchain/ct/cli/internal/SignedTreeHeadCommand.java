package network.internet2.trustchain.ct.cli.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import network.internet2.trustchain.ct.LogIdentity;
import network.internet2.trustchain.ct.SignedTreeHead;
import network.internet2.trustchain.ct.TransparencyLog;

/** {@code ct:sth}: the latest signed tree head and who signed it. */
@Service
@Command(scope = "ct", name = "sth",
        description = "Shows the log's latest signed tree head: tree size, timestamp (ISO-8601 UTC) and its age, "
                + "root hash (hex), the ECDSA P-256 signature's length and whether the FALCON-1024 co-signature is "
                + "there, then the log's identity: log ID (base64 SHA-256 of its key), URL and maximum merge delay.")
public class SignedTreeHeadCommand implements Action {

    @Reference
    TransparencyLog log;

    /** The clock the age is measured by; the tests set a fixed one. */
    Clock clock = Clock.systemUTC();

    @Override
    public Object execute() throws Exception {
        Format.aligned(describe(log.latestTreeHead(), log.identity(), clock.instant())).forEach(System.out::println);
        return null;
    }

    /** @return the tree head and the log's identity, labelled, in the order {@code ct:sth} prints them */
    static List<Map.Entry<String, String>> describe(SignedTreeHead head, LogIdentity identity, Instant now) {
        Instant timestamp = Instant.ofEpochMilli(head.timestamp());
        byte[] falcon = head.postQuantumSignature();
        return List.of(
                Map.entry("Tree size", head.treeSize() + (head.treeSize() == 1 ? " entry" : " entries")),
                Map.entry("Timestamp", Format.time(timestamp) + " (" + Format.age(timestamp, now) + ")"),
                Map.entry("Root hash", Format.hex(head.rootHash())),
                Map.entry("ECDSA P-256 signature", head.signature().length == 0 ? "ABSENT"
                        : head.signature().length + " bytes (TLS digitally-signed)"),
                Map.entry("FALCON-1024 co-signature", falcon.length == 0
                        ? "ABSENT: this tree head is not co-signed with the post-quantum key"
                        : "present (" + falcon.length + " bytes)"),
                Map.entry("Log ID", Base64.getEncoder().encodeToString(identity.logId())),
                Map.entry("Log URL", identity.url()),
                Map.entry("Maximum merge delay", Format.span(identity.maximumMergeDelay()) + " ("
                        + identity.maximumMergeDelay().getSeconds() + " s)"));
    }
}
