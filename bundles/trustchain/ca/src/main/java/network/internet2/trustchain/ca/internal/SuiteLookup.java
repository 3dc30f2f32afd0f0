package network.internet2.trustchain.ca.internal;

import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.crypto.CryptoSuite;

/** Finds the crypto suite with a given identifier, or says it is missing. */
@FunctionalInterface
interface SuiteLookup {

    /**
     * @throws CaUnavailableException naming the suite and the feature to install
     */
    CryptoSuite suite(String id) throws CaUnavailableException;
}
