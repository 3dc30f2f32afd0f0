/**
 * HyperMesh consensus: every asset operation carries a consensus proof made of
 * proofs of space, stake, work and time, each produced by its own engine bundle.
 *
 * <p>An engine registers a {@link network.internet2.hypermesh.proof.ProofEngine}
 * with the {@value network.internet2.hypermesh.proof.ProofEngine#TYPE_PROPERTY}
 * property. The {@link network.internet2.hypermesh.proof.ConsensusService} asks
 * every engine its policy requires for a proof bound to the operation, signs
 * the whole, and validates presented consensus proofs, refusing replays.
 */
@Export
@Version("1.1.0")
package network.internet2.hypermesh.proof;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
