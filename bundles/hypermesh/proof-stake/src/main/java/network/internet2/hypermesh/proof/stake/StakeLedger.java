package network.internet2.hypermesh.proof.stake;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's stake ledger: accounts keyed by node identity, each with a
 * staking public key and a balance, changed only by signed deposits and
 * withdrawals. The ledger height is the number of entries recorded; each
 * deposit or withdrawal raises it by one.
 *
 * <p>Through this service a node deposits to and withdraws from the accounts
 * whose staking key it holds: a new account is registered, at its first
 * deposit, with this node's staking key (of the configured algorithm); an
 * existing account can only be changed by the node holding the key it was
 * registered with. Entries are recorded durably before a method returns.
 *
 * <p>Every method that reads or changes the ledger fails with a
 * {@link StakeException} saying what to do while the ledger cannot be used: a
 * crypto suite needed to check its signatures is not installed (the message
 * names the feature), or the ledger file was found altered.
 *
 * <p>An account name is not checked against the node's certificate: the first
 * deposit to a name registers whichever key signed it.
 */
@ProviderType
public interface StakeLedger {

    /**
     * The largest amount one deposit or withdrawal may move, and the largest
     * balance an account may hold (10<sup>18</sup>): sums of two stay far from
     * overflowing a {@code long}.
     */
    long MAX_STAKE = 1_000_000_000_000_000_000L;

    /**
     * Deposits {@code amount} to {@code account}, signed with this node's
     * staking key. A new account is registered with this node's staking key
     * (generated on first use).
     *
     * @param account a node identity, e.g. {@code node1.internet2.network}
     * @param amount  between 1 and {@link #MAX_STAKE}
     * @return the recorded entry, with the new height and balance
     * @throws StakeException if the amount is out of range, the balance would exceed
     *         {@link #MAX_STAKE}, this node does not hold the account's staking key,
     *         or the entry cannot be recorded
     */
    StakeEntry deposit(String account, long amount) throws StakeException;

    /**
     * Withdraws {@code amount} from {@code account}, signed with its staking
     * key, which this node must hold.
     *
     * @throws UnknownStakeAccountException if the account has never received a deposit
     * @throws InsufficientStakeException if the account holds less than {@code amount}
     * @throws StakeException if this node does not hold the account's staking key,
     *         or the entry cannot be recorded
     */
    StakeEntry withdraw(String account, long amount) throws StakeException;

    /**
     * @return the account's current balance
     * @throws UnknownStakeAccountException if the account has never received a deposit
     */
    long balance(String account) throws StakeException;

    /** @return the account, if it has ever received a deposit */
    Optional<StakeAccount> account(String account) throws StakeException;

    /** @return every account, in the order they were registered */
    List<StakeAccount> accounts() throws StakeException;

    /** @return the number of entries recorded: 0 for an empty ledger */
    long height() throws StakeException;

    /** @return the least balance an account must hold for its proofs of stake to be made and accepted */
    long minimumStake();

    /**
     * @return this node's staking key of the configured algorithm, generated
     *         now if it does not exist yet
     * @throws StakeException if no installed crypto suite offers the algorithm
     */
    StakingKey stakingKey() throws StakeException;

    /** @return the ledger's identifier (32 hex digits), fixed when the ledger was created and bound into every signature */
    String ledgerId();
}
