package network.internet2.hypermesh.proof.time.internal;

import java.nio.file.Path;

/**
 * The time engine's configuration, checked: every refusal names the key to fix
 * in {@code etc/network.internet2.hypermesh.proof.time.cfg}.
 *
 * @param iterations       T, the squarings of this node's proofs
 * @param minIterations    the fewest squarings a proof must have to be accepted
 * @param historySize      how many recent chain heads a proof may follow
 * @param maxSkewMillis    how far a proof's timestamp may be from the verifier's clock
 * @param storageDirectory where the chains and the time key live
 * @param maxChains        how many node identities the engine keeps chains for
 */
record TimeSettings(int iterations, int minIterations, int historySize, long maxSkewMillis, Path storageDirectory,
        int maxChains) {

    /** Below this, π is a trivial power and the delay no delay at all. */
    static final int MIN_ITERATIONS = 1024;
    static final int MAX_HISTORY = 4096;
    static final long MAX_SKEW_MILLIS = 86_400_000L;
    static final int MAX_CHAINS = 4096;
    /** The placeholder for the Karaf data directory in {@code storage.directory}. */
    static final String KARAF_DATA = "${karaf.data}";

    TimeSettings {
        if (iterations < MIN_ITERATIONS || iterations > Wesolowski.MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between " + MIN_ITERATIONS + " and "
                    + Wesolowski.MAX_ITERATIONS + ", not " + iterations);
        }
        if (minIterations < 1 || minIterations > iterations) {
            throw new IllegalArgumentException("min.iterations must be between 1 and iterations (" + iterations
                    + "), not " + minIterations + (minIterations > iterations
                            ? ": this node would refuse its own proofs" : ""));
        }
        if (historySize < 1 || historySize > MAX_HISTORY) {
            throw new IllegalArgumentException("history.size must be between 1 and " + MAX_HISTORY + ", not "
                    + historySize);
        }
        if (maxSkewMillis < 1 || maxSkewMillis > MAX_SKEW_MILLIS) {
            throw new IllegalArgumentException("max.skew.millis must be between 1 and " + MAX_SKEW_MILLIS
                    + " (a day), not " + maxSkewMillis);
        }
        if (storageDirectory == null) {
            throw new IllegalArgumentException("storage.directory must name a directory");
        }
        if (maxChains < 1 || maxChains > MAX_CHAINS) {
            throw new IllegalArgumentException("max.chains must be between 1 and " + MAX_CHAINS + ", not "
                    + maxChains);
        }
    }

    /**
     * Settings from the component configuration: min.iterations 0 means
     * iterations, and {@value #KARAF_DATA} in storage.directory is replaced by
     * {@code karafData} (the working directory's {@code data} if unset).
     */
    static TimeSettings from(TimeProofEngine.Config config, String karafData) {
        String directory = config.storage_directory() == null ? "" : config.storage_directory().strip();
        if (directory.isEmpty()) {
            throw new IllegalArgumentException("storage.directory must name a directory, e.g. " + KARAF_DATA
                    + "/internet2/proof/time");
        }
        Path storage = Path.of(directory.replace(KARAF_DATA, karafData != null ? karafData : "data"));
        return new TimeSettings(config.iterations(),
                config.min_iterations() == 0 ? config.iterations() : config.min_iterations(),
                config.history_size(), config.max_skew_millis(), storage, config.max_chains());
    }
}
