package network.internet2.trustchain.ca;

/**
 * Something the CA needs is not installed (a crypto suite, the CT log); the
 * message names it. Installing it again restores the operation.
 */
public class CaUnavailableException extends CaException {

    private static final long serialVersionUID = 1L;

    public CaUnavailableException(String message) {
        super(message);
    }

    public CaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
