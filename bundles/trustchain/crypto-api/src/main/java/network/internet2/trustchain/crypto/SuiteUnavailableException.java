package network.internet2.trustchain.crypto;

/**
 * No registered suite offers what an operation needs, typically because its
 * bundle was uninstalled. Installing the suite's feature again cures it.
 */
public class SuiteUnavailableException extends CryptoException {

    private static final long serialVersionUID = 1L;

    private final String suite;

    public SuiteUnavailableException(String suite) {
        super("crypto suite " + suite + " is not available: install its feature");
        this.suite = suite;
    }

    /** @return the identifier of the missing suite */
    public String suite() {
        return suite;
    }
}
