package network.internet2.trustchain.ca.internal;

import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.classical.internal.ClassicalCryptoSuite;
import network.internet2.trustchain.crypto.pq.internal.PostQuantumCryptoSuite;

/** The real suites the CA runs with in the node, instantiated directly for unit tests. */
final class TestSuites {

    private static final CryptoSuite CLASSICAL = new ClassicalCryptoSuite();
    private static final CryptoSuite POST_QUANTUM = new PostQuantumCryptoSuite();

    private TestSuites() {
    }

    static CryptoSuite classical() {
        return CLASSICAL;
    }

    static CryptoSuite postQuantum() {
        return POST_QUANTUM;
    }
}
