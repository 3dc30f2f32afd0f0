package network.internet2.hypermesh.proof.stake.internal;

import java.io.IOException;
import java.nio.file.Path;

import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.stake.StakeException;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * Benchmark access to the real proof-of-stake component outside OSGi (this class sits in the component's package
 * on the benchmark's plain class path): constructed over a ledger folder, the real suites bound, then activated,
 * as DS does; minimum stake and height lag at the configuration's defaults (1000, 100).
 */
public final class BenchStake {

    private BenchStake() {
    }

    /**
     * @param algorithm the staking key algorithm new accounts get ({@code signature.algorithm})
     * @param account   the account to fund: the node identity the consensus service proves as
     * @param amount    what to deposit to it (the key is generated with the first deposit)
     */
    public static ProofEngine start(Path directory, String algorithm, String account, long amount,
            CryptoSuite... suites) throws IOException, StakeException {
        StakeProofComponent engine = new StakeProofComponent(new StakeSettings(directory, algorithm, 1000, 100));
        for (CryptoSuite suite : suites) {
            engine.addSuite(suite);
        }
        engine.activate();
        engine.deposit(account, amount);
        return engine;
    }

    /** Closes the ledger, as at the bundle's stop. */
    public static void stop(ProofEngine engine) throws IOException {
        ((StakeProofComponent) engine).deactivate();
    }
}
