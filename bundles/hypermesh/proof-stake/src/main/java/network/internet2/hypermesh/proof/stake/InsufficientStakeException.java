package network.internet2.hypermesh.proof.stake;

/** A withdrawal asked for more than the account holds. */
public class InsufficientStakeException extends StakeException {

    private static final long serialVersionUID = 1L;

    private final String account;
    private final long balance;
    private final long requested;

    public InsufficientStakeException(String account, long balance, long requested) {
        super("cannot withdraw " + requested + " from stake account " + account + ": it holds only " + balance);
        this.account = account;
        this.balance = balance;
        this.requested = requested;
    }

    /** @return the account */
    public String account() {
        return account;
    }

    /** @return what it holds */
    public long balance() {
        return balance;
    }

    /** @return what was asked for */
    public long requested() {
        return requested;
    }
}
