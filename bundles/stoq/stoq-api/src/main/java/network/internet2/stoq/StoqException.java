package network.internet2.stoq;

import java.io.IOException;

/** A transport operation failed; the message says why. */
public class StoqException extends IOException {

    private static final long serialVersionUID = 1L;

    public StoqException(String message) {
        super(message);
    }

    public StoqException(String message, Throwable cause) {
        super(message, cause);
    }
}
