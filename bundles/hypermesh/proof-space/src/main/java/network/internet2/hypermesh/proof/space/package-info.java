/**
 * HyperMesh proof of space: what the node's plot looks like now.
 *
 * <p>The proof-of-space engine (a {@link network.internet2.hypermesh.proof.ProofEngine}
 * registered with {@code proof.type=space}) also registers a
 * {@link network.internet2.hypermesh.proof.space.PlotStatus}, so the consensus
 * service, shell commands and health checks can tell whether the plot is
 * ready, how far plotting has come, and which root and storage allocation it
 * has.
 */
@Export
@Version("1.0.0")
package network.internet2.hypermesh.proof.space;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
