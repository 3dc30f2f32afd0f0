package network.internet2.hypermesh.proof.space;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The state of this node's proof-of-space plot, as the engine sees it now.
 * Registered by the proof-of-space engine next to its
 * {@link network.internet2.hypermesh.proof.ProofEngine} service.
 */
@ProviderType
public interface PlotStatus {

    /** @return a consistent picture of the plot at this moment */
    Snapshot snapshot();

    /** Where the plot is in its life. */
    enum Phase {
        /** The storage asset or the asset registry is missing; the detail names which. */
        WAITING,
        /** Blocks are being generated and written; proving fails until done. */
        PLOTTING,
        /** The plot is complete, its root registered; the node can prove. */
        READY,
        /** Plotting failed; the detail says why and what to do. It is retried. */
        FAILED
    }

    /**
     * The plot at one moment.
     *
     * @param nodeIdentity the identity the plot belongs to
     * @param phase        where the plot is in its life
     * @param blocksBuilt  how many blocks are written so far
     * @param blockCount   how many blocks the plot has when complete
     * @param plotBytes    the bytes the plot takes in its storage allocation (blocks and leaf hashes)
     * @param rootHex      the Merkle root in hex while {@link Phase#READY}, otherwise {@code null}
     * @param allocationId the storage allocation holding the plot, or {@code null} if there is none yet
     * @param detail       what a person should know, e.g. why the plot is not ready
     */
    record Snapshot(String nodeIdentity, Phase phase, long blocksBuilt, long blockCount, long plotBytes,
            String rootHex, String allocationId, String detail) {

        /** @return whether the node can prove now */
        public boolean ready() {
            return phase == Phase.READY;
        }
    }
}
