/**
 * The proof-of-stake engine of HyperMesh and its stake ledger.
 *
 * <p>What it is for: four-proof consensus asks every node for a proof of
 * stake per operation; this bundle makes and checks them against a durable
 * ledger of signed deposits and withdrawals.
 *
 * <p>How it fits together: {@link network.internet2.hypermesh.proof.stake.internal.LedgerJournal}
 * keeps the ledger's lines intact on disk (CRC-32C per line, synced appends,
 * torn tail cut); {@link network.internet2.hypermesh.proof.stake.internal.Ledger}
 * replays them into accounts with their balance histories and checks every
 * entry's signature ({@link network.internet2.hypermesh.proof.stake.internal.LedgerEntry})
 * with the account's registered key; {@link network.internet2.hypermesh.proof.stake.internal.StakingKeys}
 * holds this node's staking key pairs; {@link network.internet2.hypermesh.proof.stake.internal.StakeProofCodec}
 * is the proof's encoding; {@link network.internet2.hypermesh.proof.stake.internal.StakeProofComponent}
 * wires them as the DS component registered as {@code ProofEngine}
 * ({@code proof.type=stake}) and {@code StakeLedger}, with every crypto suite
 * tracked dynamically ({@link network.internet2.hypermesh.proof.stake.internal.Suites}).
 *
 * <p>Not here: sharing the ledger between nodes (entries from elsewhere can be
 * accepted, {@code Ledger.accept}, but nothing carries them yet), binding an
 * account's staking key to the node's TrustChain certificate (the first
 * deposit registers the key), and staking economics (where deposits come from).
 */
package network.internet2.hypermesh.proof.stake.internal;
