package network.internet2.trustchain.ca;

/** The request itself is wrong (malformed CSR, weak key, name outside the zone, …). */
public class InvalidRequestException extends CaException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
