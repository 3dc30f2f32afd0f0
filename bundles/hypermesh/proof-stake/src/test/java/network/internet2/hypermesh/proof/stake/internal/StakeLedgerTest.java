package network.internet2.hypermesh.proof.stake.internal;

import static network.internet2.hypermesh.proof.stake.internal.StakeFixture.CLASSICAL;
import static network.internet2.hypermesh.proof.stake.internal.StakeFixture.NODE1;
import static network.internet2.hypermesh.proof.stake.internal.StakeFixture.NODE2;
import static network.internet2.hypermesh.proof.stake.internal.StakeFixture.POST_QUANTUM;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.hypermesh.proof.stake.InsufficientStakeException;
import network.internet2.hypermesh.proof.stake.StakeAccount;
import network.internet2.hypermesh.proof.stake.StakeEntry;
import network.internet2.hypermesh.proof.stake.StakeEntry.Kind;
import network.internet2.hypermesh.proof.stake.StakeException;
import network.internet2.hypermesh.proof.stake.StakeLedger;
import network.internet2.hypermesh.proof.stake.StakingKey;
import network.internet2.hypermesh.proof.stake.UnknownStakeAccountException;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;

/** The stake ledger: signed entries, balances, durability, replay and its refusals. */
public class StakeLedgerTest {

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private Path folder;
    private StakeProofComponent engine;

    @Before
    public void startEngine() throws IOException {
        folder = temporary.getRoot().toPath().resolve("stake");
        engine = StakeFixture.start(folder);
    }

    @After
    public void stopEngine() throws IOException {
        if (engine != null) {
            engine.deactivate();
        }
    }

    private void restart() throws IOException {
        engine.deactivate();
        engine = null;
        engine = StakeFixture.start(folder);
    }

    @Test
    public void depositsAndWithdrawalsMoveBalancesAndRaiseTheHeightByOne() throws StakeException {
        assertEquals(0, engine.height());
        assertEquals(new StakeEntry(1, NODE1, Kind.DEPOSIT, 1500, 1500), engine.deposit(NODE1, 1500));
        assertEquals(new StakeEntry(2, NODE1, Kind.DEPOSIT, 700, 2200), engine.deposit(NODE1, 700));
        assertEquals(new StakeEntry(3, NODE2, Kind.DEPOSIT, 5000, 5000), engine.deposit(NODE2, 5000));
        assertEquals(new StakeEntry(4, NODE1, Kind.WITHDRAW, 200, 2000), engine.withdraw(NODE1, 200));
        assertEquals(new StakeEntry(5, NODE1, Kind.WITHDRAW, 2000, 0), engine.withdraw(NODE1, 2000));
        assertEquals(5, engine.height());
        assertEquals(0, engine.balance(NODE1));
        assertEquals(5000, engine.balance(NODE2));
        assertEquals(List.of(NODE1, NODE2), engine.accounts().stream().map(StakeAccount::account).toList());
        assertEquals(1000, engine.minimumStake());
        assertTrue(engine.ledgerId().matches("[0-9a-f]{32}"));
    }

    @Test
    public void registersANewAccountWithThisNodesStakingKeyAtItsFirstDeposit() throws Exception {
        engine.deposit(NODE1, 1000);
        StakingKey key = engine.stakingKey();
        assertEquals(Algorithms.ECDSA_P256, key.algorithm());
        assertTrue(key.fingerprint().matches("[0-9a-f]{64}"));
        assertEquals(new StakeAccount(NODE1, 1000, Algorithms.ECDSA_P256, key.fingerprint(), true),
                engine.account(NODE1).orElseThrow());
        assertTrue(engine.account(NODE2).isEmpty());

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        for (String file : List.of(Ledger.FILE_NAME, "staking-ECDSA-P256-SHA256.key", "staking-ECDSA-P256-SHA256.pub")) {
            assertEquals(file, "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file))));
        }
        // the public key file is the registered key, and the private key file is PKCS#8 of the same pair
        byte[] publicKeyInfo = Files.readAllBytes(folder.resolve("staking-ECDSA-P256-SHA256.pub"));
        assertEquals(key.fingerprint(), Fingerprints.of(publicKeyInfo));
        byte[] signature = CLASSICAL.sign(Algorithms.ECDSA_P256, new Pkcs8PrivateKey("EC",
                Files.readAllBytes(folder.resolve("staking-ECDSA-P256-SHA256.key"))), new byte[] {1, 2, 3});
        assertTrue(CLASSICAL.verify(Algorithms.ECDSA_P256,
                CLASSICAL.decodePublicKey(Algorithms.ECDSA_P256, publicKeyInfo), new byte[] {1, 2, 3}, signature));
    }

    @Test
    public void refusesAWithdrawalBeyondTheBalance() throws StakeException {
        engine.deposit(NODE1, 1000);
        InsufficientStakeException refused = assertThrows(InsufficientStakeException.class,
                () -> engine.withdraw(NODE1, 1001));
        assertEquals("cannot withdraw 1001 from stake account " + NODE1 + ": it holds only 1000",
                refused.getMessage());
        assertEquals(1000, engine.balance(NODE1));
        assertEquals(1, engine.height());
    }

    @Test
    public void refusesWithdrawalsFromAndBalancesOfUnknownAccounts() {
        UnknownStakeAccountException refused = assertThrows(UnknownStakeAccountException.class,
                () -> engine.withdraw(NODE2, 1));
        assertEquals(NODE2, refused.account());
        assertThrows(UnknownStakeAccountException.class, () -> engine.balance(NODE2));
    }

    @Test
    public void refusesAmountsOutOfRangeAndBalancesBeyondTheBound() throws StakeException {
        for (long amount : new long[] {0, -1, Long.MIN_VALUE, StakeLedger.MAX_STAKE + 1, Long.MAX_VALUE}) {
            StakeException refused = assertThrows(StakeException.class, () -> engine.deposit(NODE1, amount));
            assertEquals("a stake amount is between 1 and " + StakeLedger.MAX_STAKE + ", not " + amount,
                    refused.getMessage());
        }
        engine.deposit(NODE1, StakeLedger.MAX_STAKE);
        StakeException refused = assertThrows(StakeException.class, () -> engine.deposit(NODE1, 1));
        assertTrue(refused.getMessage(), refused.getMessage().contains("would exceed the largest balance"));
        engine.withdraw(NODE1, StakeLedger.MAX_STAKE);
        assertEquals(0, engine.balance(NODE1));
        assertEquals(2, engine.height());
    }

    @Test
    public void refusesUnusableAccountNames() {
        for (String name : new String[] {null, "", " node1", "node 1", "node1\n", "a".repeat(256)}) {
            assertThrows(String.valueOf(name), StakeException.class, () -> engine.deposit(name, 1000));
        }
    }

    @Test
    public void replaysTheSameBalancesAndHeightsAfterARestart() throws Exception {
        engine.deposit(NODE1, 3000);
        engine.deposit(NODE2, 1200);
        engine.withdraw(NODE1, 500);
        engine.deposit(NODE1, 40);
        List<StakeAccount> before = engine.accounts();
        String ledgerId = engine.ledgerId();
        StakingKey key = engine.stakingKey();

        restart();

        assertEquals(4, engine.height());
        assertEquals(before, engine.accounts());
        assertEquals(ledgerId, engine.ledgerId());
        assertEquals(key, engine.stakingKey());
        // the history replays too: the balance at each height is known again
        assertEquals(3000, engine.ledger().view(NODE1, 2).balanceAtHeight());
        assertEquals(2500, engine.ledger().view(NODE1, 3).balanceAtHeight());
        assertEquals(-1, engine.ledger().view(NODE2, 1).balanceAtHeight());
        // and it carries on from where it was
        assertEquals(new StakeEntry(5, NODE1, Kind.WITHDRAW, 540, 2000), engine.withdraw(NODE1, 540));
        restart();
        assertEquals(5, engine.height());
        assertEquals(2000, engine.balance(NODE1));
    }

    @Test
    public void refusesToStartWhenAnEntryWasForged() throws Exception {
        engine.deposit(NODE1, 1000);
        engine.deposit(NODE1, 500);
        engine.deactivate();
        engine = null;
        List<String> payloads = StakeFixture.payloads(folder);
        // raise the second deposit from 500 to 500000, keeping its checksum right
        payloads.set(2, payloads.get(2).replace(" 500 ", " 500000 "));
        StakeFixture.writeWithFreshChecksums(folder, payloads);

        IOException refused = assertThrows(IOException.class, () -> StakeFixture.start(folder));
        assertEquals("stake ledger " + StakeFixture.journal(folder) + " was altered: the entry at height 2 (deposit "
                + "of 500000 to " + NODE1 + ") does not carry a valid signature by the account's ECDSA-P256-SHA256 "
                + "staking key " + Fingerprints.of(Files.readAllBytes(folder.resolve("staking-ECDSA-P256-SHA256.pub")))
                + "; restore the file from a backup and restart the proof-stake bundle", refused.getMessage());
    }

    @Test
    public void refusesToStartWhenTheLedgerIdWasChanged() throws Exception {
        engine.deposit(NODE1, 1000);
        engine.deactivate();
        engine = null;
        List<String> payloads = StakeFixture.payloads(folder);
        payloads.set(0, "stake-ledger 1 " + "0".repeat(32));
        StakeFixture.writeWithFreshChecksums(folder, payloads);

        IOException refused = assertThrows(IOException.class, () -> StakeFixture.start(folder));
        assertTrue(refused.getMessage(), refused.getMessage().contains("the entry at height 1 (deposit of 1000 to "
                + NODE1 + ") does not carry a valid signature"));
    }

    @Test
    public void refusesToStartWhenAnEntryBreaksTheLedgerRules() throws Exception {
        engine.deposit(NODE1, 1000);
        engine.withdraw(NODE1, 400);
        engine.deactivate();
        engine = null;
        List<String> payloads = StakeFixture.payloads(folder);
        payloads.add(payloads.get(2)); // the withdrawal again: height 2 after height 2
        StakeFixture.writeWithFreshChecksums(folder, payloads);

        IOException refused = assertThrows(IOException.class, () -> StakeFixture.start(folder));
        assertTrue(refused.getMessage(), refused.getMessage().startsWith("stake ledger " + StakeFixture.journal(folder)
                + " line 4 "));
        assertTrue(refused.getMessage(), refused.getMessage().contains("the entry at height 2 (withdrawal of 400 from "
                + NODE1 + ") is numbered 2, but the ledger height before it is 2; restore the file from a backup"));
    }

    @Test
    public void refusesToStartWhenALineBeforeTheLastIsDamaged() throws Exception {
        engine.deposit(NODE1, 1000);
        engine.deposit(NODE1, 1000);
        engine.deactivate();
        engine = null;
        List<String> lines = StakeFixture.lines(folder);
        lines.set(1, lines.get(1).replace("deposit 1 ", "deposit 7 "));
        Files.write(StakeFixture.journal(folder), lines, StandardCharsets.UTF_8);

        IOException refused = assertThrows(IOException.class, () -> StakeFixture.start(folder));
        assertTrue(refused.getMessage(), refused.getMessage().startsWith("stake ledger " + StakeFixture.journal(folder)
                + " is damaged at line 2 "));
        assertTrue(refused.getMessage(), refused.getMessage().contains("restore the file from a backup"));
    }

    @Test
    public void cutsATornLastLineAndCarriesOn() throws Exception {
        engine.deposit(NODE1, 1000);
        engine.deposit(NODE1, 250);
        engine.deactivate();
        engine = null;
        Path journal = StakeFixture.journal(folder);
        long intact = Files.size(journal);

        // a crash in the middle of writing the third entry: part of a line, no newline
        String third = StakeFixture.lines(folder).get(2);
        Files.writeString(journal, third.substring(0, third.length() / 2), StandardOpenOption.APPEND);
        engine = StakeFixture.start(folder);
        assertEquals(2, engine.height());
        assertEquals(1250, engine.balance(NODE1));
        assertEquals(intact, Files.size(journal));

        // a whole last line whose checksum fails is torn too
        engine.deactivate();
        engine = null;
        Files.writeString(journal, "00000000 " + third.substring(9) + "\n", StandardOpenOption.APPEND);
        engine = StakeFixture.start(folder);
        assertEquals(2, engine.height());
        assertEquals(intact, Files.size(journal));

        assertEquals(new StakeEntry(3, NODE1, Kind.WITHDRAW, 50, 1200), engine.withdraw(NODE1, 50));
        restart();
        assertEquals(3, engine.height());
        assertEquals(1200, engine.balance(NODE1));
    }

    @Test
    public void startsAFreshLedgerWhenOnlyATornHeaderWasWritten() throws Exception {
        engine.deactivate();
        engine = null;
        Path journal = StakeFixture.journal(folder);
        Files.writeString(journal, "1234abcd stake-le");
        engine = StakeFixture.start(folder);
        assertEquals(0, engine.height());
        assertEquals(1, StakeFixture.lines(folder).size());
        assertTrue(StakeFixture.lines(folder).get(0).contains(" stake-ledger 1 " + engine.ledgerId()));
    }

    @Test
    public void checksAnEntrySignedElsewhereBeforeAppendingIt() throws Exception {
        engine.deposit(NODE1, 1000);
        Ledger ledger = engine.ledger();
        KeyPair elsewhere = CLASSICAL.generateKeyPair(Algorithms.ECDSA_P256);
        byte[] key = elsewhere.getPublic().getEncoded();
        byte[] id = ledger.ledgerIdBytes();
        LedgerEntry registration = signed(elsewhere, id, 2, NODE2, Kind.DEPOSIT, 4000, Algorithms.ECDSA_P256, key);
        assertEquals(new StakeEntry(2, NODE2, Kind.DEPOSIT, 4000, 4000), ledger.accept(registration, engine.suites()));
        long size = Files.size(StakeFixture.journal(folder));

        // signed by another key than the one registered: refused before anything is written
        KeyPair intruder = CLASSICAL.generateKeyPair(Algorithms.ECDSA_P256);
        LedgerEntry forged = signed(intruder, id, 3, NODE2, Kind.WITHDRAW, 4000, null, null);
        StakeException refused = assertThrows(StakeException.class, () -> ledger.accept(forged, engine.suites()));
        assertTrue(refused.getMessage(), refused.getMessage().startsWith("refused stake ledger entry: the entry at "
                + "height 3 (withdrawal of 4000 from " + NODE2 + ") does not carry a valid signature"));
        // signed by the right key for another height: refused too
        LedgerEntry moved = new LedgerEntry(3, NODE2, Kind.WITHDRAW, 10, null, null,
                signed(elsewhere, id, 4, NODE2, Kind.WITHDRAW, 10, null, null).signature());
        assertThrows(StakeException.class, () -> ledger.accept(moved, engine.suites()));
        // out of sequence
        LedgerEntry gap = signed(elsewhere, id, 5, NODE2, Kind.WITHDRAW, 10, null, null);
        StakeException out = assertThrows(StakeException.class, () -> ledger.accept(gap, engine.suites()));
        assertTrue(out.getMessage(), out.getMessage().contains("is numbered 5, but the ledger height before it is 2"));
        assertEquals(size, Files.size(StakeFixture.journal(folder)));
        assertEquals(2, engine.height());

        // this node does not hold that account's key, so cannot change it
        assertFalse(engine.account(NODE2).orElseThrow().heldHere());
        StakeException notHeld = assertThrows(StakeException.class, () -> engine.deposit(NODE2, 1));
        assertTrue(notHeld.getMessage(), notHeld.getMessage().startsWith("this node does not hold the staking key of "
                + "account " + NODE2));
        ProofException cannotProve = assertThrows(ProofException.class,
                () -> engine.prove(StakeFixture.challenge(NODE2, "op")));
        assertTrue(cannotProve.getMessage(), cannotProve.getMessage().startsWith("this node does not hold the staking "
                + "key of account " + NODE2));

        // and the foreign entry replays like ours
        restart();
        assertEquals(4000, engine.balance(NODE2));
        assertEquals(Fingerprints.of(key), engine.account(NODE2).orElseThrow().keyFingerprint());
    }

    @Test
    public void waitsForAMissingSuiteBeforeUsingTheLedger() throws Exception {
        engine.deactivate();
        engine = StakeFixture.start(folder, Algorithms.FALCON_1024, 1000, 100);
        engine.deposit(NODE1, 2000);
        engine.deactivate();
        engine = null;

        engine = StakeFixture.start(folder, Algorithms.ECDSA_P256, 1000, 100, CLASSICAL);
        StakeException waiting = assertThrows(StakeException.class, () -> engine.height());
        assertEquals("stake ledger " + StakeFixture.journal(folder) + " cannot be used until its signatures are "
                + "checked: the entry at height 1 is signed with FALCON-1024, and no installed crypto suite offers "
                + "FALCON-1024: install feature crypto-pq", waiting.getMessage());
        assertThrows(ProofException.class, () -> engine.prove(StakeFixture.challenge(NODE1, "op")));
        assertThrows(StakeException.class, () -> engine.deposit(NODE2, 1000));
        assertEquals(1, engine.ledger().uncheckedEntries());

        engine.addSuite(POST_QUANTUM);
        assertEquals(1, engine.height());
        assertEquals(2000, engine.balance(NODE1));
        assertTrue(engine.verify(StakeFixture.challenge(NODE1, "op"),
                engine.prove(StakeFixture.challenge(NODE1, "op"))).valid());

        engine.removeSuite(POST_QUANTUM);
        Verdict verdict = engine.verify(StakeFixture.challenge(NODE1, "op"), new Proof("stake",
                new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, (byte) 0xd0, 0, 1, 0}));
        assertEquals("the stake proof of " + NODE1 + " cannot be checked: no installed crypto suite offers "
                + "FALCON-1024: install feature crypto-pq", verdict.reason());
        ProofException gone = assertThrows(ProofException.class,
                () -> engine.prove(StakeFixture.challenge(NODE1, "op")));
        assertTrue(gone.getMessage(), gone.getMessage().contains("install feature crypto-pq"));
    }

    @Test
    public void keepsEarlierKeysWhenTheConfiguredAlgorithmChanges() throws Exception {
        engine.deposit(NODE1, 1000);
        String ecdsa = engine.stakingKey().fingerprint();
        engine.deactivate();
        engine = StakeFixture.start(folder, Algorithms.FALCON_1024, 1000, 100);

        assertEquals(Algorithms.FALCON_1024, engine.stakingKey().algorithm());
        assertNotEquals(ecdsa, engine.stakingKey().fingerprint());
        engine.deposit(NODE1, 500); // still signed with the ECDSA key it was registered with
        engine.deposit(NODE2, 1000); // registered with the FALCON-1024 key
        assertEquals(new StakeAccount(NODE1, 1500, Algorithms.ECDSA_P256, ecdsa, true),
                engine.account(NODE1).orElseThrow());
        assertEquals(new StakeAccount(NODE2, 1000, Algorithms.FALCON_1024, engine.stakingKey().fingerprint(), true),
                engine.account(NODE2).orElseThrow());
        restart();
        assertEquals(3, engine.height());
    }

    @Test
    public void refusesToSignWithStakingKeyFilesThatDoNotMatch() throws Exception {
        engine.deposit(NODE1, 1000);
        engine.deactivate();
        engine = null;
        KeyPair other = CLASSICAL.generateKeyPair(Algorithms.ECDSA_P256);
        Files.write(folder.resolve("staking-ECDSA-P256-SHA256.key"), other.getPrivate().getEncoded());
        engine = StakeFixture.start(folder);
        StakeException refused = assertThrows(StakeException.class, () -> engine.deposit(NODE1, 1));
        assertTrue(refused.getMessage(), refused.getMessage().contains("do not hold the two halves of one key pair"));
    }

    @Test
    public void concurrentEntriesGetConsecutiveHeights() throws Exception {
        engine.deposit(NODE1, 10_000);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<StakeEntry>> entries = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                boolean deposit = i % 3 != 0;
                entries.add(pool.submit(() -> deposit ? engine.deposit(NODE1, 7) : engine.withdraw(NODE1, 5)));
            }
            java.util.Set<Long> heights = new java.util.TreeSet<>();
            for (java.util.concurrent.Future<StakeEntry> entry : entries) {
                heights.add(entry.get(30, java.util.concurrent.TimeUnit.SECONDS).height());
            }
            assertEquals(java.util.stream.LongStream.rangeClosed(2, 61).boxed().toList(), List.copyOf(heights));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10_000 + 40 * 7 - 20 * 5, engine.balance(NODE1));
        restart();
        assertEquals(61, engine.height());
        assertEquals(10_000 + 40 * 7 - 20 * 5, engine.balance(NODE1));
    }

    private static LedgerEntry signed(KeyPair key, byte[] ledgerId, long height, String account, Kind kind,
            long amount, String registeredAlgorithm, byte[] registeredKey) throws CryptoException {
        byte[] signature = CLASSICAL.sign(Algorithms.ECDSA_P256, key.getPrivate(),
                LedgerEntry.message(ledgerId, height, account, kind, amount, registeredAlgorithm, registeredKey));
        return new LedgerEntry(height, account, kind, amount, registeredAlgorithm, registeredKey, signature);
    }

    @Test
    public void readsOnlyTheCanonicalFormOfAnEntry() {
        LedgerEntry entry = new LedgerEntry(3, "node+1.example", Kind.WITHDRAW, 20, null, null, new byte[] {9, 8});
        assertEquals(entry.toPayload(), LedgerEntry.parse(entry.toPayload()).toPayload());
        assertArrayEquals(entry.signature(), LedgerEntry.parse(entry.toPayload()).signature());
        for (String variant : new String[] {"withdraw +3 node%2B1.example 20 CQg=", "withdraw 03 node%2B1.example 20 CQg=",
                "withdraw 3 node%2B1.example 20 CQg", "withdraw 3 node%2B1.example 20", "deposit 3 node%2B1.example 20 CQg=",
                "withdraw 3 node%2b1.example 20 CQg=", "transfer 3 a 20 CQg="}) {
            assertThrows(variant, IllegalArgumentException.class, () -> LedgerEntry.parse(variant));
        }
    }
}
