package network.internet2.trustchain.crypto;

/** A cryptographic operation could not be carried out; the message says why. */
public class CryptoException extends Exception {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
