package network.internet2.hypermesh.proof.stake;

import java.util.Objects;

/**
 * A deposit or withdrawal recorded in the stake ledger.
 *
 * @param height  the ledger height after this entry (its sequence number, from 1)
 * @param account the account it changed
 * @param kind    deposit or withdrawal
 * @param amount  how much it moved
 * @param balance the account's balance after it
 */
public record StakeEntry(long height, String account, Kind kind, long amount, long balance) {

    /** What an entry does. */
    public enum Kind {
        /** Adds to the account's balance. */
        DEPOSIT,
        /** Takes from the account's balance. */
        WITHDRAW
    }

    public StakeEntry {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
    }
}
