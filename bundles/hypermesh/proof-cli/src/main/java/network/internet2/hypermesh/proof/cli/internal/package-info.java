/**
 * Karaf shell commands of HyperMesh consensus:
 * <ul>
 * <li>{@code consensus:status} — the policy (required proof types, with the
 * installed engines), quarantined nodes with their reasons, counts of proofs
 * made, validated and refused by reason, and prove/verify latencies per type;</li>
 * <li>{@code proof:list} — every proof type the policy names or an engine
 * provides, whether it is required and installed, and its latencies;</li>
 * <li>{@code proof:verify [--proof base64] [--kind k] [--subject s] [--payload text]}
 * — validates a presented consensus proof against an operation, or proves a
 * sample operation and validates it, printing the verdict and times;</li>
 * <li>{@code proof:bench [--count n]} — proves and validates n sample
 * operations (at most 1000, and 120 s), p50/p99 of each step.</li>
 * </ul>
 */
package network.internet2.hypermesh.proof.cli.internal;
