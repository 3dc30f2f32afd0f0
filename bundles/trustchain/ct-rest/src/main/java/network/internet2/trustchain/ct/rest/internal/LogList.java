package network.internet2.trustchain.ct.rest.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import network.internet2.management.rest.support.Json;
import network.internet2.trustchain.ct.LogEntry;
import network.internet2.trustchain.ct.LogException;
import network.internet2.trustchain.ct.LogIdentity;
import network.internet2.trustchain.ct.SignedTreeHead;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * {@code /ct/log-list.json}: this log alone, in the schema of Chrome's log list v3
 * (https://www.gstatic.com/ct/log_list/v3/log_list_schema.json), so that tools which
 * read Chrome's list can be pointed at the node's log.
 *
 * <p>From the log's {@link LogIdentity}: {@code log_id} and {@code key} (base64 of the
 * SHA-256 key hash and of the DER SubjectPublicKeyInfo of the ECDSA P-256 key),
 * {@code url} (the identity's URL as it is), {@code mmd} (the maximum merge delay in
 * seconds). From the configuration: the operator's {@code name} and {@code email}, the
 * log's {@code description}. Derived:
 * <ul>
 * <li>{@code state}: always {@code usable}, since the timestamp of the log's first
 *     entry (or, while the log is empty, of its latest tree head);</li>
 * <li>{@code log_list_timestamp}: when the list was asked for, to the second;</li>
 * <li>{@code version}: the first 16 hexadecimal digits of the SHA-256 of the operators
 *     part, so it changes exactly when the content does.</li>
 * </ul>
 * Left out: {@code temporal_interval} (the log is not sharded by expiry), {@code log_type}
 * and {@code previous_operators}; {@code tiled_logs} is empty.
 *
 * <p>Not in the schema: {@value #FALCON_KEY}, the base64 DER SubjectPublicKeyInfo of the
 * log's FALCON-1024 co-signing key, which verifies the {@code falcon1024_signature} of
 * {@code get-sth}. Readers of the schema ignore fields they do not know.
 */
final class LogList {

    /** Not in Chrome's schema: the FALCON-1024 co-signing key of the log. */
    static final String FALCON_KEY = "falcon1024_key";

    /**
     * The operator and description published for the log.
     *
     * @param operatorName   the operator's name
     * @param operatorEmails how to reach the operator, at least one address; a value may list several,
     *                       comma-separated (a {@code .cfg} file gives one string)
     * @param description    the log's description; empty means one made from the URL
     */
    record Publication(String operatorName, List<String> operatorEmails, String description) {

        Publication {
            if (operatorName == null || operatorName.isBlank()) {
                throw new IllegalArgumentException("operator.name is empty; name who operates this CT log");
            }
            operatorEmails = operatorEmails.stream().flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::trim).filter(email -> !email.isEmpty()).toList();
            if (operatorEmails.isEmpty()) {
                throw new IllegalArgumentException("operator.email is empty; give at least one address where the "
                        + "operator of this CT log can be reached");
            }
            for (String email : operatorEmails) {
                if (email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1) {
                    throw new IllegalArgumentException("operator.email '" + email + "' is not an email address");
                }
            }
            if (operatorEmails.stream().distinct().count() != operatorEmails.size()) {
                throw new IllegalArgumentException("operator.email lists an address twice; list each once");
            }
            description = description == null ? "" : description.trim();
        }
    }

    private final Publication publication;
    private final Clock clock;

    LogList(Publication publication, Clock clock) {
        this.publication = publication;
        this.clock = clock;
    }

    /**
     * @return the log list holding this log
     * @throws LogException if the log cannot read its first entry
     */
    Map<String, Object> of(TransparencyLog log) throws LogException {
        LogIdentity identity = log.identity();
        Map<String, Object> state = Map.of("usable", Map.of("timestamp", rfc3339(usableSince(log))));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("description", publication.description().isEmpty()
                ? "Internet 2.0 TrustChain CT log at " + identity.url() : publication.description());
        entry.put("log_id", CtJson.base64(identity.logId()));
        entry.put("key", CtJson.base64(identity.publicKey()));
        entry.put(FALCON_KEY, CtJson.base64(identity.postQuantumKey()));
        entry.put("url", identity.url());
        entry.put("mmd", identity.maximumMergeDelay().toSeconds());
        entry.put("state", state);

        Map<String, Object> operator = new LinkedHashMap<>();
        operator.put("name", publication.operatorName());
        operator.put("email", publication.operatorEmails());
        operator.put("logs", List.of(entry));
        operator.put("tiled_logs", List.of());
        List<Map<String, Object>> operators = List.of(operator);

        Map<String, Object> list = new LinkedHashMap<>();
        list.put("version", version(operators));
        list.put("log_list_timestamp", rfc3339(clock.instant()));
        list.put("operators", operators);
        return list;
    }

    /** The timestamp of the first entry's {@code MerkleTreeLeaf}; of the latest tree head while there is none. */
    private static Instant usableSince(TransparencyLog log) throws LogException {
        SignedTreeHead head = log.latestTreeHead();
        if (head.treeSize() > 0) {
            List<LogEntry> first = log.entries(0, 0);
            if (!first.isEmpty()) {
                byte[] leaf = first.get(0).leafInput();
                // MerkleTreeLeaf: version v1(0), leaf_type timestamped_entry(0), uint64 timestamp, ...
                if (leaf.length >= 10 && leaf[0] == 0 && leaf[1] == 0) {
                    return Instant.ofEpochMilli(ByteBuffer.wrap(leaf, 2, 8).getLong());
                }
            }
        }
        return Instant.ofEpochMilli(head.timestamp());
    }

    private static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String version(Object operators) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(operators));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
