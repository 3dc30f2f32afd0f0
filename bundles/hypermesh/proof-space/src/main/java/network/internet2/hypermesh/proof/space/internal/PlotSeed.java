package network.internet2.hypermesh.proof.space.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The node's secret plot seed: 32 random bytes made once and kept in
 * {@value #FILE} (mode 0600) in the engine's folder. The plot key, and so the
 * whole plot, derives from it ({@link PlotFunction}); losing it means a new
 * plot with a new root.
 */
final class PlotSeed {

    static final String FILE = "plot.seed";
    static final int LENGTH = 32;

    private PlotSeed() {
    }

    /**
     * @return the seed in {@code directory}, made now if there is none
     * @throws IOException if the seed file cannot be read or written, or has the wrong length
     */
    static byte[] loadOrCreate(Path directory, SecureRandom random) throws IOException {
        Path file = directory.resolve(FILE);
        if (Files.exists(file)) {
            byte[] seed = Files.readAllBytes(file);
            if (seed.length != LENGTH) {
                throw new IOException("the plot seed " + file + " has " + seed.length + " bytes, not " + LENGTH
                        + "; restore it from a backup, or delete it to make a new plot (with a new root)");
            }
            return seed;
        }
        byte[] seed = new byte[LENGTH];
        random.nextBytes(seed);
        OwnerOnlyFiles.write(file, seed);
        return seed;
    }
}
