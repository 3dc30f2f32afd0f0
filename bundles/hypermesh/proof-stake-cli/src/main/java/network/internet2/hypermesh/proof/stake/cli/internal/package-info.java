/**
 * Karaf shell commands of the proof-of-stake ledger:
 * <ul>
 * <li>{@code proof:stake-deposit <amount> [account]} — deposits stake, signed
 * with this node's staking key (the account defaults to this node's identity);</li>
 * <li>{@code proof:stake-withdraw <amount> [account]} — withdraws it (only from
 * accounts whose staking key this node holds);</li>
 * <li>{@code proof:stake-balance [account]} — one account's balance, or every
 * account with the ledger's height, the minimum stake and this node's key.</li>
 * </ul>
 *
 * <p>Accounts complete from the ledger (for a withdrawal, only those whose key this node
 * holds). What the ledger refuses fails the command with its one-line message. The bundle
 * carries the header {@code Karaf-Commands: network.internet2.hypermesh.proof.stake.cli.internal}
 * (see {@code bnd.bnd}) and is installed by the {@code proof-stake} feature when the
 * {@code shell} feature is there. Nothing here is exported.
 */
package network.internet2.hypermesh.proof.stake.cli.internal;
