package network.internet2.hypermesh.proof.space.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable registry of plot commitments, one per node identity, that
 * proofs are verified against. Kept in one text file (mode 0600), replaced
 * atomically on every change, one commitment a line:
 *
 * <pre>
 *   v1 &lt;identity&gt; &lt;blocks&gt; &lt;work factor&gt; &lt;plot key hex&gt; &lt;root hex&gt;
 * </pre>
 *
 * Lines starting with {@code #} are comments. Lookups never touch the disk.
 */
final class RootRegistry {

    static final String FILE = "roots";

    private static final Logger LOG = LoggerFactory.getLogger(RootRegistry.class);
    private static final String FORMAT = "v1";
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private final Map<String, Commitment> commitments = new ConcurrentHashMap<>();

    private RootRegistry(Path file) {
        this.file = file;
    }

    /**
     * Opens the registry in {@code directory}, reading what it holds. A line
     * that cannot be read is skipped with a warning.
     */
    static RootRegistry open(Path directory) throws IOException {
        RootRegistry registry = new RootRegistry(directory.resolve(FILE));
        if (Files.exists(registry.file)) {
            List<String> lines = Files.readAllLines(registry.file, StandardCharsets.UTF_8);
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                try {
                    Commitment commitment = parse(line);
                    registry.commitments.put(commitment.identity(), commitment);
                } catch (IllegalArgumentException malformed) {
                    LOG.warn("Line {} of {} is not a plot commitment ({}); it is ignored, so proofs of that node "
                            + "are refused until its plot is registered again. Fix or delete the line.", n + 1,
                            registry.file, malformed.getMessage());
                }
            }
        }
        return registry;
    }

    private static Commitment parse(String line) {
        String[] fields = line.split(" ");
        if (fields.length != 6 || !FORMAT.equals(fields[0])) {
            throw new IllegalArgumentException("expected '" + FORMAT + " identity blocks work key root'");
        }
        return new Commitment(fields[1], Long.parseLong(fields[2]), Integer.parseInt(fields[3]),
                HEX.parseHex(fields[4]), HEX.parseHex(fields[5]));
    }

    /** @return the commitment registered for {@code identity}, if any */
    Optional<Commitment> find(String identity) {
        return identity == null ? Optional.empty() : Optional.ofNullable(commitments.get(identity));
    }

    /**
     * Registers a commitment, replacing the identity's earlier one, and
     * writes the registry before returning.
     *
     * @return whether anything changed
     */
    synchronized boolean register(Commitment commitment) throws IOException {
        Commitment before = commitments.get(commitment.identity());
        if (commitment.sameAs(before)) {
            return false;
        }
        Map<String, Commitment> next = new TreeMap<>(commitments);
        next.put(commitment.identity(), commitment);
        write(next);
        commitments.put(commitment.identity(), commitment);
        return true;
    }

    private void write(Map<String, Commitment> all) throws IOException {
        StringBuilder text = new StringBuilder("# plot commitments of the proof-of-space engine: "
                + "v1 <identity> <blocks> <work factor> <plot key> <root>\n");
        for (Commitment c : all.values()) {
            text.append(FORMAT).append(' ').append(c.identity()).append(' ').append(c.blockCount()).append(' ')
                    .append(c.workFactor()).append(' ').append(HEX.formatHex(c.plotKey())).append(' ')
                    .append(c.rootHex()).append('\n');
        }
        OwnerOnlyFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
