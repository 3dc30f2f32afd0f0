package network.internet2.hypermesh.proof.stake;

/** The account has never received a deposit, so the ledger does not know it. */
public class UnknownStakeAccountException extends StakeException {

    private static final long serialVersionUID = 1L;

    private final String account;

    public UnknownStakeAccountException(String account) {
        super("no stake account " + account + " in the ledger: a deposit to it registers it");
        this.account = account;
    }

    /** @return the account asked for */
    public String account() {
        return account;
    }
}
