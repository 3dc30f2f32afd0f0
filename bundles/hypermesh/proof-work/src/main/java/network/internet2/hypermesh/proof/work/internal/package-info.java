/**
 * The proof-of-work engine of HyperMesh consensus.
 *
 * <p><b>What it proves.</b> That the proving node spent about
 * 2<sup>d</sup> SHA-256 evaluations on this very challenge. The puzzle is a
 * counter {@code c} such that
 * <pre>
 *   SHA-256( "internet2/hypermesh/proof-of-work/v1" || d || len(value) || value || c )
 * </pre>
 * has at least {@code d} leading zero bits, where {@code value} is the
 * challenge value the consensus service derived from the operation hash, the
 * node identity, a fresh nonce and the proof type, {@code d} the difficulty
 * (one byte), {@code len} a 4-byte big-endian length and {@code c} an 8-byte
 * big-endian counter. The tag separates this hash from every other use of
 * SHA-256 in the stack; hashing {@code d} commits the proof to the difficulty
 * it claims, so that the difficulty byte cannot be changed afterwards either.
 *
 * <p><b>Costs.</b> Proving takes 2<sup>d</sup> hashes on average (the number of
 * attempts is geometric: 1 in 20 proofs needs three times that, 1 in 400
 * six times); verifying takes one. On the 2-core development VM one core
 * hashes about 7–10 million times a second, so {@code difficulty.bits}=16 (the
 * development default) costs about 10 ms and 24 bits about 2 s; see the
 * module's measurements in {@code WorkCostReportTest}. Production should use
 * 22–24 bits (0.5–2 s of one core per operation): enough that flooding the
 * mesh with operations costs real CPU, not so much that a legitimate
 * operation waits long. Every extra bit doubles the cost.
 *
 * <p><b>Encoding</b> (10 bytes, fixed): version (1 byte, {@value
 * network.internet2.hypermesh.proof.work.internal.WorkProof#VERSION}),
 * difficulty in bits (1 byte), counter (8 bytes, big-endian). The decoder
 * refuses any other length, version or a zero difficulty.
 *
 * <p><b>Verification</b> refuses, each with its own reason, a proof of another
 * type, an undecodable one, one whose difficulty is below
 * {@code min.difficulty.bits}, and one whose hash does not have the claimed
 * number of zero bits (which is what a proof for another challenge, or any
 * tampering with the counter, yields). It never throws.
 *
 * <p><b>Bounds.</b> The prover gives up with a
 * {@link network.internet2.hypermesh.proof.ProofException} after
 * {@code max.attempts} hashes (0: 64 &times; 2<sup>d</sup>, which a fair search
 * exceeds with probability e<sup>-64</sup>) or {@code max.millis}
 * milliseconds, or when its thread is interrupted or the component stops.
 *
 * <p><b>Classes.</b> {@link network.internet2.hypermesh.proof.work.internal.WorkProofEngine}
 * is the DS component (PID {@code network.internet2.hypermesh.proof.work},
 * service property {@code proof.type=work});
 * {@link network.internet2.hypermesh.proof.work.internal.WorkSettings} validates its
 * configuration; {@link network.internet2.hypermesh.proof.work.internal.HashPuzzle}
 * is the puzzle and its search;
 * {@link network.internet2.hypermesh.proof.work.internal.WorkProof} the encoding.
 *
 * <p><b>Not here.</b> Parallel search (one core per proof; a second proof runs
 * on another consensus thread), difficulty adjustment from the mesh's load.
 */
package network.internet2.hypermesh.proof.work.internal;
