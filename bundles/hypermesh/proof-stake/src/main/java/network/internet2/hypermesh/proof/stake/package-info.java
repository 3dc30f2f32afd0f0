/**
 * HyperMesh proof of stake: the stake ledger.
 *
 * <p>{@link network.internet2.hypermesh.proof.stake.StakeLedger} is the node's
 * durable, append-only ledger of stake: accounts named by node identity (the
 * certificate identity, e.g. {@code node1.internet2.network}), each with the
 * staking public key registered at its first deposit and a balance. Every
 * deposit and withdrawal is signed by the account's staking key and checked
 * before it is recorded and again whenever the ledger is read back.
 *
 * <p>The same bundle registers the proof engine ({@code proof.type=stake}):
 * a proof is this node's staking signature over the challenge, the account,
 * a ledger height and the account's balance at that height, which a verifier
 * checks against its ledger and the configured minimum stake.
 */
@Export
@Version("1.0.0")
package network.internet2.hypermesh.proof.stake;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
