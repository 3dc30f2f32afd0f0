/**
 * The proof-of-time engine of HyperMesh consensus.
 *
 * <p><b>What it proves.</b> That the proving node spent T sequential modular
 * squarings — time that more cores cannot shorten — after its previous time
 * proof and on this very challenge, and when it finished (a signed timestamp).
 *
 * <p><b>The delay: a Wesolowski VDF</b> (B. Wesolowski, "Efficient verifiable
 * delay functions", EUROCRYPT 2019) in the RSA group modulo N = RSA-2048, the
 * RSA Factoring Challenge number whose factors nobody knows
 * ({@link network.internet2.hypermesh.proof.time.internal.Rsa2048}), so nobody
 * can shortcut x^(2^T) through the group order. Per proof:
 * <ol>
 * <li>x = {@link network.internet2.hypermesh.proof.time.internal.HashToGroup}(challenge
 * value, previous chain head): SHA-256 expanded to 2048 + 128 bits, mod N,
 * never 0, 1 or N − 1;</li>
 * <li>y = x^(2^T) mod N by T squarings, keeping checkpoints;</li>
 * <li>ℓ = {@link network.internet2.hypermesh.proof.time.internal.HashToPrime}(T, x, y),
 * a 256-bit prime;</li>
 * <li>π = x^floor(2^T / ℓ) from the checkpoints by on-the-fly long division
 * ({@link network.internet2.hypermesh.proof.time.internal.QuotientPower}),
 * about T/κ multiplications rather than T more squarings.</li>
 * </ol>
 * Verification recomputes x and ℓ, takes r = 2^T mod ℓ and checks
 * π^ℓ · x^r = y: a few milliseconds whatever T is. y and π are elements of
 * Z_N^* / {±1} (the smaller of v and N − v), as Boneh, Bünz and Fisch advise.
 *
 * <p><b>Chaining.</b> Per node identity the engine keeps its
 * {@link network.internet2.hypermesh.proof.time.internal.TimeChain}: the last
 * {@code history.size} heads, head' = SHA-256(tag, head, y). Each proof names
 * the head it followed ({@code previous}); a verifier accepts it only if that
 * is one of the heads it keeps for the node ("does not chain to the node's
 * time chain" otherwise), so an old proof cannot be replayed once the chain
 * has moved on. Proofs of one identity are made one after another. Chains
 * live in files under {@code storage.directory} (default
 * {@code ${karaf.data}/internet2/proof/time}), mode 0600, written atomically
 * and durably before the proof is handed out; a restarted engine continues
 * them. The engine knows only the chains it proved on (normally its own
 * node's): a proof for any other identity is refused as "unknown node".
 *
 * <p><b>Signed timestamp.</b> The proof carries the epoch milliseconds at
 * which y was reached and an ECDSA P-256 signature over (tag, challenge value,
 * T, previous, y, timestamp) by the engine's
 * {@link network.internet2.hypermesh.proof.time.internal.TimeKey}, made by the
 * classical {@link network.internet2.trustchain.crypto.CryptoSuite}
 * ({@code crypto.suite=classical}) on first start and kept as
 * {@code time-key.pk8} (PKCS#8, 0600). Verification refuses a timestamp more
 * than {@code max.skew.millis} away from its clock as "stale" or "from the
 * future".
 *
 * <p><b>Encoding.</b> {@link network.internet2.hypermesh.proof.time.internal.TimeProof}:
 * version 1, T, timestamp, then length-prefixed previous, y, π, ℓ and
 * signature, about 670 bytes; the decoder is strict and verification never
 * throws.
 *
 * <p><b>Costs</b> (2-core development VM, busy; see {@code TimeCostReportTest}):
 * a squaring takes about 1.5–2 µs, so {@code iterations}=65536 (the development
 * default) proves in about 0.2 s and 1048576 in about 2–2.5 s; verification
 * takes about 2–4 ms. Production should use 1048576 (2^20) or more: T
 * is the least time between two proofs of a node, and dedicated hardware
 * squares perhaps ten times faster than this JVM, so T must be chosen for the
 * fastest squarer one defends against, not for this machine.
 *
 * <p><b>Classes.</b> {@link network.internet2.hypermesh.proof.time.internal.TimeProofEngine}
 * (the DS component, PID {@code network.internet2.hypermesh.proof.time},
 * {@code proof.type=time}); {@link network.internet2.hypermesh.proof.time.internal.TimeSettings}
 * (checked configuration); {@link network.internet2.hypermesh.proof.time.internal.Wesolowski},
 * {@link network.internet2.hypermesh.proof.time.internal.SquaringSchedule},
 * {@link network.internet2.hypermesh.proof.time.internal.QuotientPower},
 * {@link network.internet2.hypermesh.proof.time.internal.BarrettReducer} (the
 * VDF); {@link network.internet2.hypermesh.proof.time.internal.TimeChains} and
 * {@link network.internet2.hypermesh.proof.time.internal.SecureFiles}
 * (storage); {@link network.internet2.hypermesh.proof.time.internal.Hashing}
 * (tags and fixed-width encoding).
 *
 * <p><b>Not here.</b> Verifying other nodes' time proofs: that needs their
 * chain heads and time keys published (for instance beside their
 * certificates); until then a node verifies its own proofs only.
 */
package network.internet2.hypermesh.proof.time.internal;
