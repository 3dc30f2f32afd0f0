package network.internet2.trustchain.ca.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.crypto.CryptoSuite;

/** The crypto suites currently registered, by identifier; filled from the service registry. */
final class SuiteRegistry implements SuiteLookup {

    private final Map<String, CryptoSuite> suites = new ConcurrentHashMap<>();

    void add(CryptoSuite suite) {
        suites.put(suite.id(), suite);
    }

    void remove(CryptoSuite suite) {
        suites.remove(suite.id(), suite);
    }

    boolean has(String id) {
        return suites.containsKey(id);
    }

    @Override
    public CryptoSuite suite(String id) throws CaUnavailableException {
        CryptoSuite suite = suites.get(id);
        if (suite == null) {
            throw new CaUnavailableException("crypto suite " + id + " is not available: install feature "
                    + (CryptoSuite.POST_QUANTUM.equals(id) ? "crypto-pq" : "crypto-classical"));
        }
        return suite;
    }
}
