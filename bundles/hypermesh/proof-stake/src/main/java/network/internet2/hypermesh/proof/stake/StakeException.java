package network.internet2.hypermesh.proof.stake;

/** A stake ledger operation was refused or could not be carried out; the message says why and what to do. */
public class StakeException extends Exception {

    private static final long serialVersionUID = 1L;

    public StakeException(String message) {
        super(message);
    }

    public StakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
