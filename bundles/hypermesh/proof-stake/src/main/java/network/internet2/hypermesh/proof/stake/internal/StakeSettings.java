package network.internet2.hypermesh.proof.stake.internal;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.proof.stake.StakeLedger;
import network.internet2.trustchain.crypto.Algorithms;

/**
 * The engine's validated configuration; every refusal names the
 * configuration key (PID {@value StakeProofComponent#PID}) and what it accepts.
 *
 * @param directory          where the ledger and the staking keys live
 * @param signatureAlgorithm the algorithm of the staking key new accounts are registered with
 * @param minimumStake       the least balance for a proof to be made or accepted
 * @param maxHeightLag       how many entries the ledger may have grown since a proof's height for it to be accepted
 */
record StakeSettings(Path directory, String signatureAlgorithm, long minimumStake, long maxHeightLag) {

    /** The placeholder for Karaf's data folder in {@code storage.directory}. */
    static final String KARAF_DATA = "${karaf.data}";
    static final String DEFAULT_DIRECTORY = KARAF_DATA + "/internet2/proof/stake";

    /** The signature algorithms a staking key may use (the classical and post-quantum suites' signatures). */
    static final List<String> SIGNATURE_ALGORITHMS = List.of(Algorithms.ECDSA_P256, Algorithms.ECDSA_P384,
            Algorithms.ED25519, Algorithms.FALCON_1024, Algorithms.ML_DSA_87);

    private static final Logger LOG = LoggerFactory.getLogger(StakeSettings.class);

    StakeSettings {
        if (directory == null) {
            throw new IllegalArgumentException("storage.directory must name a folder");
        }
        if (signatureAlgorithm == null || !SIGNATURE_ALGORITHMS.contains(signatureAlgorithm)) {
            throw new IllegalArgumentException("signature.algorithm must be one of " + String.join(", ",
                    SIGNATURE_ALGORITHMS) + ", not '" + signatureAlgorithm + "'");
        }
        if (minimumStake < 1 || minimumStake > StakeLedger.MAX_STAKE) {
            throw new IllegalArgumentException("minimum.stake must be between 1 and " + StakeLedger.MAX_STAKE
                    + ", not " + minimumStake);
        }
        if (maxHeightLag < 0) {
            throw new IllegalArgumentException("max.height.lag must be 0 (a proof must name the current height) or "
                    + "more, not " + maxHeightLag);
        }
    }

    /**
     * @param storageDirectory the configured folder, where {@value #KARAF_DATA} stands for Karaf's data folder
     * @param karafData        the {@code karaf.data} framework property, or {@code null} if unset
     */
    static StakeSettings of(String storageDirectory, String signatureAlgorithm, long minimumStake, long maxHeightLag,
            String karafData) {
        return new StakeSettings(directory(storageDirectory, karafData),
                signatureAlgorithm == null ? null : signatureAlgorithm.strip(), minimumStake, maxHeightLag);
    }

    static Path directory(String configured, String karafData) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("storage.directory must name a folder (default " + DEFAULT_DIRECTORY
                    + "), not be empty");
        }
        String folder = configured.strip();
        if (folder.contains(KARAF_DATA)) {
            String data = karafData;
            if (data == null || data.isBlank()) {
                data = Path.of("data").toAbsolutePath().toString();
                LOG.warn("karaf.data is not set, so {} in storage.directory stands for {}: set storage.directory to "
                        + "an absolute folder outside Karaf", KARAF_DATA, data);
            }
            folder = folder.replace(KARAF_DATA, data);
        }
        try {
            return Path.of(folder).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("storage.directory '" + configured + "' is not a usable folder name: "
                    + e.getMessage(), e);
        }
    }
}
