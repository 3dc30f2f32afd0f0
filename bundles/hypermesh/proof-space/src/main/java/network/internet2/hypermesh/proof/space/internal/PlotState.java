package network.internet2.hypermesh.proof.space.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Where the plot is kept and how far it got, in {@value #FILE} (mode 0600,
 * replaced atomically): the plot's parameters, the storage allocation, the
 * blocks written (and flushed) so far, and the root once complete. After a
 * restart the engine reuses the allocation if the registry still has it.
 *
 * @param identity     the node identity plotted for
 * @param blockCount   blocks of the plot
 * @param workFactor   chained hashes per block
 * @param allocationId the storage allocation holding the plot
 * @param blocksBuilt  blocks written and flushed
 * @param root         the Merkle root once the plot is complete, else {@code null}
 */
record PlotState(String identity, long blockCount, int workFactor, String allocationId, long blocksBuilt,
        byte[] root) {

    static final String FILE = "plot.state";

    private static final String FORMAT = "1";

    PlotState {
        root = root == null ? null : root.clone();
    }

    @Override
    public byte[] root() {
        return root == null ? null : root.clone();
    }

    /** @return whether the plot is complete */
    boolean complete() {
        return root != null && blocksBuilt == blockCount;
    }

    /** @return whether this state is of a plot with these parameters */
    boolean isOf(PlotParameters parameters) {
        return identity.equals(parameters.identity()) && blockCount == parameters.blockCount()
                && workFactor == parameters.workFactor();
    }

    /** @return this state with {@code built} blocks written and, if complete, its root */
    PlotState progressed(long built, byte[] completeRoot) {
        return new PlotState(identity, blockCount, workFactor, allocationId, built, completeRoot);
    }

    /** @return the state in {@code directory}, or {@code null} if there is none */
    static PlotState load(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        try {
            if (!FORMAT.equals(properties.getProperty("format"))) {
                throw new IllegalArgumentException("unknown format " + properties.getProperty("format"));
            }
            String root = properties.getProperty("root", "");
            return new PlotState(required(properties, "node.identity"),
                    Long.parseLong(required(properties, "plot.blocks")),
                    Integer.parseInt(required(properties, "plot.work.factor")),
                    required(properties, "allocation.id"),
                    Long.parseLong(required(properties, "blocks.built")),
                    root.isEmpty() ? null : HexFormat.of().parseHex(root));
        } catch (IllegalArgumentException malformed) {
            throw new IOException("the plot state " + file + " is malformed (" + malformed.getMessage()
                    + "); delete it to plot again", malformed);
        }
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return value.strip();
    }

    /** Writes this state to {@code directory}, replacing the one before. */
    void save(Path directory) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("node.identity", identity);
        properties.setProperty("plot.blocks", Long.toString(blockCount));
        properties.setProperty("plot.work.factor", Integer.toString(workFactor));
        properties.setProperty("allocation.id", allocationId);
        properties.setProperty("blocks.built", Long.toString(blocksBuilt));
        properties.setProperty("root", root == null ? "" : HexFormat.of().formatHex(root));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        properties.store(out, "proof-of-space plot state; written by the engine");
        OwnerOnlyFiles.write(directory.resolve(FILE), out.toByteArray());
    }
}
