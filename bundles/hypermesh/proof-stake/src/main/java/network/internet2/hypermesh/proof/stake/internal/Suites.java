package network.internet2.hypermesh.proof.stake.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import network.internet2.hypermesh.proof.stake.StakeException;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * The crypto suites currently registered, by identifier, filled from the
 * service registry; signature algorithms are looked up in whichever suite
 * offers them, so keys of several algorithms can live in one ledger.
 */
final class Suites {

    private final Map<String, CryptoSuite> byId = new ConcurrentHashMap<>();

    void add(CryptoSuite suite) {
        byId.put(suite.id(), suite);
    }

    void remove(CryptoSuite suite) {
        byId.remove(suite.id(), suite);
    }

    /** @return a registered suite offering the signature algorithm, or {@code null} */
    CryptoSuite offering(String algorithm) {
        for (CryptoSuite suite : byId.values()) {
            if (suite.signatureAlgorithms().contains(algorithm)) {
                return suite;
            }
        }
        return null;
    }

    /** @throws StakeException naming the feature to install when no suite offers the algorithm */
    CryptoSuite require(String algorithm) throws StakeException {
        CryptoSuite suite = offering(algorithm);
        if (suite == null) {
            throw new StakeException(missing(algorithm));
        }
        return suite;
    }

    /** @return what to say when no installed suite offers {@code algorithm} */
    static String missing(String algorithm) {
        return "no installed crypto suite offers " + algorithm + ": install feature " + featureOf(algorithm);
    }

    static String featureOf(String algorithm) {
        return Algorithms.FALCON_1024.equals(algorithm) || Algorithms.ML_DSA_87.equals(algorithm)
                ? "crypto-pq"
                : "crypto-classical";
    }
}
