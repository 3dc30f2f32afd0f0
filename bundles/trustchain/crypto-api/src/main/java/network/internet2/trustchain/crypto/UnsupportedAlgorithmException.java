package network.internet2.trustchain.crypto;

/** The suite asked does not offer the named algorithm. */
public class UnsupportedAlgorithmException extends CryptoException {

    private static final long serialVersionUID = 1L;

    private final String algorithm;

    public UnsupportedAlgorithmException(String suite, String algorithm) {
        super("crypto suite " + suite + " does not offer algorithm " + algorithm);
        this.algorithm = algorithm;
    }

    /** @return the algorithm that was asked for */
    public String algorithm() {
        return algorithm;
    }
}
