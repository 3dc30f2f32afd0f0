/**
 * Karaf shell commands of HyperMesh consensus:
 * <ul>
 * <li>{@code consensus:status} — the policy (required proof types, with the
 * installed engines), counts of proofs made, validated and refused by reason,
 * the latency of whole consensus proofs, and quarantined nodes with their reasons;</li>
 * <li>{@code proof:list} — every proof type the policy names or an engine
 * provides, whether it is required and installed, and its latencies;</li>
 * <li>{@code proof:verify [--proof base64] [--kind k] [--subject s] [--payload text]}
 * — validates a presented consensus proof against an operation, or proves a
 * sample operation and validates it, printing the verdict and times;</li>
 * <li>{@code proof:bench [--count n]} — proves and validates n sample
 * operations (at most 1000, and 120 s), p50/p99 of each step.</li>
 * </ul>
 *
 * <p>A refused proof, a bad option or an engine that fails fails the command with a
 * one-line message. The bundle carries the header
 * {@code Karaf-Commands: network.internet2.hypermesh.proof.cli.internal} (see
 * {@code bnd.bnd}) and is installed by the {@code hypermesh-consensus} feature when the
 * {@code shell} feature is there. Nothing here is exported.
 */
package network.internet2.hypermesh.proof.cli.internal;
