/**
 * HyperMesh consensus: the {@code ConsensusService} every asset operation (and,
 * when configured, every certificate issuance) passes through.
 *
 * <p>Proving: for each proof type the policy requires (all four, space, stake,
 * work and time, unless {@code mandatory.four.proof=false}, plus any named in
 * {@code proof.types}), the type's engine — a separate bundle, found by its
 * {@code proof.type} service property — answers a challenge derived from the
 * operation's hash, the node's identity, a fresh nonce and the time
 * ({@link network.internet2.hypermesh.consensus.internal.Hashes}); the whole is
 * encoded canonically ({@link network.internet2.hypermesh.consensus.internal.ProofCodec})
 * with the node's certificate chain and signed with the node certificate's key.
 * A missing engine fails at once: "proof type work unavailable".
 *
 * <p>Validating ({@link network.internet2.hypermesh.consensus.internal.ConsensusCore}):
 * binding to the operation, freshness, the certificate (through the CA) and the
 * signature, every required proof by its engine, the validation timeout, and
 * replays; a node whose signed proofs fail repeatedly is quarantined for a
 * while, visible in {@code consensus:status}.
 *
 * <p>Metrics ({@link network.internet2.hypermesh.consensus.internal.ConsensusMetrics}, while the node's
 * {@code MeterRegistry} is present): proving and validation durations per proof type and {@code all} for the
 * whole proof, refusals by {@link network.internet2.hypermesh.consensus.internal.Refusal reason}, and nodes in
 * quarantine. The core hands its own timings over through a
 * {@link network.internet2.hypermesh.consensus.internal.ConsensusObserver}, so nothing is measured twice and
 * only the metrics component knows Micrometer.
 */
package network.internet2.hypermesh.consensus.internal;
