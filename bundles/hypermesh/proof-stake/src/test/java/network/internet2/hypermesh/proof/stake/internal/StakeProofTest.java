package network.internet2.hypermesh.proof.stake.internal;

import static network.internet2.hypermesh.proof.stake.internal.StakeFixture.NODE1;
import static network.internet2.hypermesh.proof.stake.internal.StakeFixture.NODE2;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.trustchain.crypto.Algorithms;

/** Proofs of stake: bound to the challenge, the ledger and a minimum; every alteration refused with its reason. */
public class StakeProofTest {

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private StakeProofComponent engine;

    private StakeProofComponent start(String algorithm, long minimum, long lag) throws IOException {
        if (engine != null) {
            engine.deactivate();
        }
        engine = StakeFixture.start(temporary.getRoot().toPath().resolve("stake"), algorithm, minimum, lag);
        return engine;
    }

    private StakeProofComponent start() throws IOException {
        return start(Algorithms.ECDSA_P256, 1000, 100);
    }

    @After
    public void stop() throws IOException {
        if (engine != null) {
            engine.deactivate();
        }
    }

    @Test
    public void provesAndVerifiesStakeBoundToTheChallenge() throws Exception {
        start();
        engine.deposit(NODE1, 1500);
        Challenge challenge = StakeFixture.challenge(NODE1, "asset.allocate cpu 500");
        Proof proof = engine.prove(challenge);
        assertEquals(ProofEngine.STAKE, proof.type());
        assertEquals(ProofEngine.STAKE, engine.type());
        assertEquals(Verdict.ok(), engine.verify(challenge, proof));

        StakeProofCodec.Decoded decoded = StakeProofCodec.decode(proof.encoded());
        assertEquals(1, decoded.height());
        assertEquals(1500, decoded.balance());
        assertEquals(StakeProofCodec.FIXED_BYTES + decoded.signature().length, proof.encoded().length);
    }

    @Test
    public void refusesAProofPresentedForAnotherChallenge() throws Exception {
        start();
        engine.deposit(NODE1, 1500);
        engine.deposit(NODE2, 1500);
        Proof proof = engine.prove(StakeFixture.challenge(NODE1, "asset.allocate cpu 500"));

        Verdict otherOperation = engine.verify(StakeFixture.challenge(NODE1, "asset.allocate cpu 5000"), proof);
        assertFalse(otherOperation.valid());
        assertTrue(otherOperation.reason(), otherOperation.reason().startsWith("the stake proof's signature does "
                + "not verify with the registered ECDSA-P256-SHA256 staking key "));
        assertTrue(otherOperation.reason(), otherOperation.reason().endsWith(" of " + NODE1
                + ": it was made for another challenge or ledger, or altered"));

        // presented as node2's (same key, same balance, same height): the account is signed over
        Challenge same = StakeFixture.challenge(NODE1, "asset.allocate cpu 500");
        Challenge otherNode = new Challenge(same.operationHash(), NODE2, same.nonce(), same.value());
        Proof atHeightTwo = engine.prove(same);
        Verdict asOtherNode = engine.verify(otherNode, atHeightTwo);
        assertFalse(asOtherNode.valid());
        assertTrue(asOtherNode.reason(), asOtherNode.reason().contains("of " + NODE2 + ": it was made for another"));
    }

    @Test
    public void refusesATamperedHeightBalanceOrSignature() throws Exception {
        start();
        engine.deposit(NODE1, 1000);
        engine.deposit(NODE1, 1000);
        engine.deposit(NODE1, 1000);
        Challenge challenge = StakeFixture.challenge(NODE1, "op");
        byte[] good = engine.prove(challenge).encoded(); // height 3, balance 3000

        assertRefused(challenge, withHeightAndBalance(good, 4, 3000),
                "the stake proof names ledger height 4, beyond this ledger's height 3");
        assertRefused(challenge, withHeightAndBalance(good, 2, 3000),
                "the stake proof claims a balance of 3000 for " + NODE1 + " at ledger height 2, but the ledger holds "
                        + "2000");
        assertRefused(challenge, withHeightAndBalance(good, 3, 3001),
                "the stake proof claims a balance of 3001 for " + NODE1 + " at ledger height 3, but the ledger holds "
                        + "3000");
        // consistent with the ledger, but not what was signed
        Verdict consistent = engine.verify(challenge, new Proof("stake", withHeightAndBalance(good, 2, 2000)));
        assertTrue(consistent.reason(), consistent.reason().startsWith("the stake proof's signature does not verify"));

        byte[] signature = good.clone();
        signature[signature.length - 5] ^= 0x01;
        Verdict flipped = engine.verify(challenge, new Proof("stake", signature));
        assertTrue(flipped.reason(), flipped.reason().startsWith("the stake proof's signature does not verify"));

        assertEquals(Verdict.ok(), engine.verify(challenge, new Proof("stake", good)));
    }

    @Test
    public void refusesMalformedTruncatedOrExtendedProofs() throws Exception {
        start();
        engine.deposit(NODE1, 2000);
        Challenge challenge = StakeFixture.challenge(NODE1, "op");
        byte[] good = engine.prove(challenge).encoded();
        int signatureLength = good.length - StakeProofCodec.FIXED_BYTES;

        for (int length = 0; length < good.length; length++) {
            Verdict verdict = engine.verify(challenge, new Proof("stake", Arrays.copyOf(good, length)));
            assertFalse("cut to " + length, verdict.valid());
        }
        assertRefused(challenge, new byte[0], "the stake proof is empty");
        assertRefused(challenge, Arrays.copyOf(good, 10),
                "the stake proof is truncated: 10 bytes, shorter than its 19-byte header");
        assertRefused(challenge, Arrays.copyOf(good, good.length - 1), "the stake proof is truncated: its signature "
                + "should be " + signatureLength + " bytes, " + (signatureLength - 1) + " are present");
        assertRefused(challenge, Arrays.copyOf(good, good.length + 1),
                "the stake proof has 1 byte after its signature");

        byte[] version = good.clone();
        version[0] = 2;
        assertRefused(challenge, version, "stake proof version 2 is not understood (this engine reads version 1)");
        assertRefused(challenge, withHeightAndBalance(good, 0, 2000),
                "the stake proof names ledger height 0, but heights start at 1");
        assertRefused(challenge, withHeightAndBalance(good, 1, -1), "the stake proof claims a negative balance");
        byte[] noSignature = Arrays.copyOf(good, StakeProofCodec.FIXED_BYTES);
        noSignature[17] = 0;
        noSignature[18] = 0;
        assertRefused(challenge, noSignature, "the stake proof announces a signature of 0 bytes, outside 1..8192");

        assertEquals("a proof of type work is not a stake proof",
                engine.verify(challenge, new Proof("work", good)).reason());
        assertEquals("no stake proof given", engine.verify(challenge, null).reason());
        assertEquals("no challenge given to check the stake proof against",
                engine.verify(null, new Proof("stake", good)).reason());
    }

    @Test
    public void neverThrowsNorAcceptsForArbitraryBytes() throws Exception {
        start();
        engine.deposit(NODE1, 2000);
        Challenge challenge = StakeFixture.challenge(NODE1, "op");
        byte[] good = engine.prove(challenge).encoded();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes;
            if (i % 2 == 0) {
                bytes = new byte[1 + random.nextInt(120)];
                random.nextBytes(bytes);
                bytes[0] = i % 4 == 0 ? 1 : bytes[0];
            } else {
                bytes = good.clone();
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
            }
            assertFalse(engine.verify(challenge, new Proof("stake", bytes)).valid());
        }
    }

    @Test
    public void refusesToProveBelowTheMinimumOrForAnUnknownAccount() throws Exception {
        start();
        ProofException unknown = assertThrows(ProofException.class,
                () -> engine.prove(StakeFixture.challenge(NODE1, "op")));
        assertEquals("no stake account " + NODE1 + " in the ledger: deposit at least 1000 to it (proof:stake-deposit) "
                + "before proving stake", unknown.getMessage());

        engine.deposit(NODE1, 999);
        ProofException below = assertThrows(ProofException.class,
                () -> engine.prove(StakeFixture.challenge(NODE1, "op")));
        assertEquals("stake of " + NODE1 + " is below the minimum 1000: it holds 999; deposit at least 1 more "
                + "(proof:stake-deposit)", below.getMessage());

        engine.deposit(NODE1, 1);
        engine.prove(StakeFixture.challenge(NODE1, "op"));

        Challenge empty = new Challenge(new byte[32], NODE1, new byte[16], new byte[0]);
        assertThrows(ProofException.class, () -> engine.prove(empty));
        assertThrows(ProofException.class, () -> engine.prove(null));
    }

    /**
     * A proof is about the balance at its height; it is accepted later while
     * the account still holds the minimum (deposits and withdrawals since then
     * do not matter otherwise), and refused once a withdrawal leaves it below.
     */
    @Test
    public void refusesAProofOnceAWithdrawalLeavesTheAccountBelowTheMinimum() throws Exception {
        start();
        engine.deposit(NODE1, 1500);
        Challenge challenge = StakeFixture.challenge(NODE1, "op");
        Proof proof = engine.prove(challenge);

        engine.withdraw(NODE1, 500); // 1000 left: still the minimum
        assertEquals(Verdict.ok(), engine.verify(challenge, proof));

        engine.withdraw(NODE1, 1); // 999 left
        assertRefused(challenge, proof.encoded(), "stake of " + NODE1 + " is below the minimum 1000 now: it holds 999 "
                + "at ledger height 3, after withdrawals since the proof was made at height 1");

        engine.deposit(NODE1, 1); // back at the minimum: the proof holds again
        assertEquals(Verdict.ok(), engine.verify(challenge, proof));
    }

    @Test
    public void refusesAProofMadeBelowTheVerifiersMinimum() throws Exception {
        start(Algorithms.ECDSA_P256, 1000, 100);
        engine.deposit(NODE1, 1500);
        Challenge challenge = StakeFixture.challenge(NODE1, "op");
        Proof proof = engine.prove(challenge);
        engine.deposit(NODE1, 1000);

        start(Algorithms.ECDSA_P256, 2000, 100); // same ledger, a verifier asking for more
        assertRefused(challenge, proof.encoded(),
                "stake of " + NODE1 + " was below the minimum 2000 at ledger height 1: it held 1500");
    }

    @Test
    public void refusesAStaleProof() throws Exception {
        start(Algorithms.ECDSA_P256, 1000, 2);
        engine.deposit(NODE1, 1000);
        Challenge challenge = StakeFixture.challenge(NODE1, "op");
        Proof proof = engine.prove(challenge);
        engine.deposit(NODE2, 1000);
        engine.deposit(NODE2, 1000);
        assertEquals("two entries later: within the lag", Verdict.ok(), engine.verify(challenge, proof));
        engine.deposit(NODE2, 1000);
        assertRefused(challenge, proof.encoded(), "the stake proof is stale: made at ledger height 1, 3 entries "
                + "before the current height 4 (max.height.lag 2)");
    }

    @Test
    public void refusesAProofOfAnAccountThisLedgerDoesNotKnow() throws Exception {
        start();
        engine.deposit(NODE1, 1000);
        Proof proof = engine.prove(StakeFixture.challenge(NODE1, "op"));
        Challenge asStranger = StakeFixture.challenge("node9.internet2.network", "op");
        assertRefused(asStranger, proof.encoded(), "no stake account node9.internet2.network in this node's stake "
                + "ledger");
        Challenge nameless = new Challenge(new byte[32], "", new byte[16], new byte[32]);
        assertFalse(engine.verify(nameless, proof).valid());
    }

    @Test
    public void refusesAProofFromAnotherLedger() throws Exception {
        start();
        engine.deposit(NODE1, 1000);
        Challenge challenge = StakeFixture.challenge(NODE1, "op");
        Proof proof = engine.prove(challenge);

        // another ledger, where the same account holds the same stake with the same key
        StakeProofComponent other = StakeFixture.start(temporary.getRoot().toPath().resolve("other"));
        try {
            java.nio.file.Files.copy(temporary.getRoot().toPath().resolve("stake/staking-ECDSA-P256-SHA256.key"),
                    temporary.getRoot().toPath().resolve("other/staking-ECDSA-P256-SHA256.key"));
            java.nio.file.Files.copy(temporary.getRoot().toPath().resolve("stake/staking-ECDSA-P256-SHA256.pub"),
                    temporary.getRoot().toPath().resolve("other/staking-ECDSA-P256-SHA256.pub"));
            other.deposit(NODE1, 1000);
            assertEquals(engine.stakingKey(), other.stakingKey());
            Verdict verdict = other.verify(challenge, proof);
            assertTrue(verdict.reason(), verdict.reason().startsWith("the stake proof's signature does not verify"));
            assertEquals(Verdict.ok(), other.verify(challenge, other.prove(challenge)));
        } finally {
            other.deactivate();
        }
    }

    @Test
    public void aProofStillVerifiesAfterARestart() throws Exception {
        start();
        engine.deposit(NODE1, 1200);
        engine.deposit(NODE1, 300);
        Challenge challenge = StakeFixture.challenge(NODE1, "op");
        Proof proof = engine.prove(challenge);
        engine.withdraw(NODE1, 100);
        start();
        assertEquals(Verdict.ok(), engine.verify(challenge, proof));
        assertEquals(Verdict.ok(), engine.verify(challenge, engine.prove(challenge)));
    }

    @Test
    public void falcon1024StakingKeyProvesAndVerifies() throws Exception {
        start(Algorithms.FALCON_1024, 1000, 100);
        engine.deposit(NODE1, 5000);
        assertEquals(Algorithms.FALCON_1024, engine.account(NODE1).orElseThrow().keyAlgorithm());
        Challenge challenge = StakeFixture.challenge(NODE1, "op");
        Proof proof = engine.prove(challenge);
        assertEquals(Verdict.ok(), engine.verify(challenge, proof));
        assertFalse(engine.verify(StakeFixture.challenge(NODE1, "other op"), proof).valid());
        byte[] tampered = proof.encoded();
        tampered[tampered.length - 1] ^= 0x40;
        assertFalse(engine.verify(challenge, new Proof("stake", tampered)).valid());

        // after a restart the key comes from its PKCS#8 file
        start(Algorithms.FALCON_1024, 1000, 100);
        assertEquals(Verdict.ok(), engine.verify(challenge, proof));
        Proof again = engine.prove(challenge);
        assertEquals(Verdict.ok(), engine.verify(challenge, again));
        engine.withdraw(NODE1, 4000);
        assertEquals(2, engine.height());
    }

    @Test
    public void mlDsa87StakingKeyProvesAndVerifies() throws Exception {
        start(Algorithms.ML_DSA_87, 1000, 100);
        engine.deposit(NODE1, 5000);
        Challenge challenge = StakeFixture.challenge(NODE1, "op");
        Proof proof = engine.prove(challenge);
        assertEquals(Verdict.ok(), engine.verify(challenge, proof));
        start(Algorithms.ML_DSA_87, 1000, 100);
        assertEquals(Verdict.ok(), engine.verify(challenge, engine.prove(challenge)));
        assertFalse(engine.verify(StakeFixture.challenge(NODE1, "other op"), proof).valid());
    }

    private void assertRefused(Challenge challenge, byte[] encoded, String reason) {
        assertEquals(Verdict.refused(reason), engine.verify(challenge, new Proof("stake", encoded)));
    }

    private static byte[] withHeightAndBalance(byte[] encoded, long height, long balance) {
        byte[] copy = encoded.clone();
        ByteBuffer.wrap(copy).position(1).putLong(height).putLong(balance);
        return copy;
    }
}
