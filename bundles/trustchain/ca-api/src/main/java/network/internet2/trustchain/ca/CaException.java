package network.internet2.trustchain.ca;

/** A CA operation failed; nothing was changed. */
public class CaException extends Exception {

    private static final long serialVersionUID = 1L;

    public CaException(String message) {
        super(message);
    }

    public CaException(String message, Throwable cause) {
        super(message, cause);
    }
}
