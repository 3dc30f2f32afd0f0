package network.internet2.hypermesh.proof.stake.cli.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import network.internet2.hypermesh.proof.stake.StakeAccount;

public class AccountCompletersTest {

    private static final String FINGERPRINT = "3f9a0c55e1d2b7a48c6f0e19d2a7b3c4";

    private static final List<StakeAccount> LEDGER = List.of(
            new StakeAccount("node1.internet2.network", 5000, "ECDSA-P256", FINGERPRINT, true),
            new StakeAccount("node2.internet2.network", 1200, "FALCON-1024", FINGERPRINT, false),
            new StakeAccount("operator.internet2.network", 10, "ECDSA-P256", FINGERPRINT, true));

    @Test
    public void balanceAndDepositAreOfferedEveryAccountOfTheLedger() {
        assertEquals(List.of("node1.internet2.network", "node2.internet2.network", "operator.internet2.network"),
                AccountCompleter.names(LEDGER, account -> true));
    }

    @Test
    public void withdrawIsOfferedOnlyTheAccountsWhoseKeyThisNodeHolds() {
        assertEquals(List.of("node1.internet2.network", "operator.internet2.network"),
                AccountCompleter.names(LEDGER, StakeAccount::heldHere));
        assertEquals(List.of(), AccountCompleter.names(List.of(), StakeAccount::heldHere));
    }

    @Test
    public void showsTheKeyByItsAlgorithmAndTheStartOfItsFingerprint() {
        assertEquals("ECDSA-P256 3f9a0c55e1d2b7a4…", BalanceCommand.key(LEDGER.get(0)));
        assertEquals("ECDSA-P256 3f9a", BalanceCommand.key(new StakeAccount("a", 1, "ECDSA-P256", "3f9a", true)));
    }
}
