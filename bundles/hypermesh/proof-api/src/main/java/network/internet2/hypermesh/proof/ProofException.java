package network.internet2.hypermesh.proof;

/** A proof could not be produced or decoded; the message says why. */
public class ProofException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProofException(String message) {
        super(message);
    }

    public ProofException(String message, Throwable cause) {
        super(message, cause);
    }
}
