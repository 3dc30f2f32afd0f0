package network.internet2.hypermesh.proof.work.internal;

import static network.internet2.hypermesh.proof.work.internal.Challenges.challenge;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;

public class WorkProofEngineTest {

    private static WorkProofEngine engine(int bits, int minimum) {
        return new WorkProofEngine(new WorkSettings(bits, minimum, 1L << (bits + 6), 60_000));
    }

    private final WorkProofEngine engine = engine(12, 12);

    private static void assertRefused(Verdict verdict, String reasonPart) {
        assertFalse("expected a refusal mentioning '" + reasonPart + "'", verdict.valid());
        assertTrue("reason '" + verdict.reason() + "' should mention '" + reasonPart + "'",
                verdict.reason().contains(reasonPart));
    }

    @Test
    public void isTheWorkEngine() {
        assertEquals(ProofEngine.WORK, engine.type());
    }

    @Test
    public void verifiesItsOwnProof() throws ProofException {
        for (int i = 0; i < 10; i++) {
            Challenge challenge = challenge("own " + i);
            Proof proof = engine.prove(challenge);
            assertEquals(ProofEngine.WORK, proof.type());
            assertEquals(WorkProof.LENGTH, proof.encoded().length);
            assertEquals(Verdict.ok(), engine.verify(challenge, proof));
        }
    }

    @Test
    public void proofHasTheClaimedZeroBitsAndVersion() throws ProofException {
        Challenge challenge = challenge("claims");
        byte[] encoded = engine.prove(challenge).encoded();
        assertEquals(WorkProof.VERSION, encoded[0]);
        assertEquals(12, encoded[1]);
        WorkProof work = WorkProof.decode(encoded);
        assertTrue(new HashPuzzle(challenge.value(), 12).zeroBits(work.counter()) >= 12);
    }

    @Test
    public void refusesAProofForAnotherChallenge() throws ProofException {
        for (int i = 0; i < 10; i++) {
            Proof proof = engine.prove(challenge("first " + i));
            assertRefused(engine.verify(challenge("second " + i), proof), "does not solve this challenge's puzzle");
        }
    }

    @Test
    public void refusesEverySingleBitFlipOfTheEncoding() throws ProofException {
        // A flip yields a valid proof only if the flipped counter happens to solve the
        // puzzle too (chance 2^-12 per flip here); these fixed challenges have none.
        for (String seed : new String[] {"flip a", "flip b", "flip c"}) {
            Challenge challenge = challenge(seed);
            byte[] encoded = engine.prove(challenge).encoded();
            for (int bit = 0; bit < encoded.length * 8; bit++) {
                byte[] flipped = encoded.clone();
                flipped[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
                Verdict verdict = engine.verify(challenge, new Proof(ProofEngine.WORK, flipped));
                assertFalse(seed + ": flipping bit " + bit + " of " + Arrays.toString(encoded) + " was accepted",
                        verdict.valid());
            }
        }
    }

    @Test
    public void refusesATamperedCounter() throws ProofException {
        Challenge challenge = challenge("counter");
        WorkProof work = WorkProof.decode(engine.prove(challenge).encoded());
        byte[] tampered = new WorkProof(work.difficultyBits(), work.counter() + 1).encode();
        assertRefused(engine.verify(challenge, new Proof(ProofEngine.WORK, tampered)), "does not solve");
    }

    @Test
    public void refusesTruncatedAndExtendedEncodings() throws ProofException {
        Challenge challenge = challenge("length");
        byte[] encoded = engine.prove(challenge).encoded();
        for (int length = 0; length < encoded.length; length++) {
            assertRefused(engine.verify(challenge, new Proof(ProofEngine.WORK, Arrays.copyOf(encoded, length))),
                    "this one is " + length + " bytes");
        }
        assertRefused(engine.verify(challenge, new Proof(ProofEngine.WORK, Arrays.copyOf(encoded, 11))),
                "this one is 11 bytes");
        assertRefused(engine.verify(challenge, new Proof(ProofEngine.WORK, new byte[1000])), "this one is 1000 bytes");
    }

    @Test
    public void refusesAnUnknownVersion() throws ProofException {
        Challenge challenge = challenge("version");
        byte[] encoded = engine.prove(challenge).encoded();
        for (int version : new int[] {0, 2, 255}) {
            byte[] other = encoded.clone();
            other[0] = (byte) version;
            assertRefused(engine.verify(challenge, new Proof(ProofEngine.WORK, other)),
                    "unknown work proof version " + version);
        }
    }

    @Test
    public void refusesAProofBelowTheMinimumDifficulty() throws ProofException {
        Challenge challenge = challenge("easy");
        Proof easy = engine(8, 8).prove(challenge);
        assertRefused(engine.verify(challenge, easy), "below the 12 bits this node accepts (min.difficulty.bits)");
        byte[] zero = easy.encoded();
        zero[1] = 0;
        assertRefused(engine.verify(challenge, new Proof(ProofEngine.WORK, zero)), "difficulty of 0 bits");
    }

    @Test
    public void acceptsAProofHarderThanTheMinimum() throws ProofException {
        Challenge challenge = challenge("hard");
        Proof hard = engine(14, 14).prove(challenge);
        assertEquals(Verdict.ok(), engine.verify(challenge, hard));
    }

    @Test
    public void refusesALowerDifficultyClaimedForAHarderProof() throws ProofException {
        // the difficulty is hashed, so a solution at 14 bits is no solution at 12
        Challenge challenge = challenge("relabelled");
        byte[] encoded = engine(14, 14).prove(challenge).encoded();
        encoded[1] = 12;
        assertRefused(engine.verify(challenge, new Proof(ProofEngine.WORK, encoded)), "does not solve");
    }

    @Test
    public void refusesAHigherDifficultyThanSolved() throws ProofException {
        Challenge challenge = challenge("boast");
        byte[] encoded = engine.prove(challenge).encoded();
        encoded[1] = 40;
        assertRefused(engine.verify(challenge, new Proof(ProofEngine.WORK, encoded)), "it claims 40");
    }

    @Test
    public void refusesOtherProofTypesAndMissingInput() throws ProofException {
        Challenge challenge = challenge("types");
        Proof proof = engine.prove(challenge);
        assertRefused(engine.verify(challenge, new Proof(ProofEngine.TIME, proof.encoded())),
                "not a work proof: its type is time");
        assertRefused(engine.verify(challenge, new Proof(null, proof.encoded())), "not a work proof");
        assertRefused(engine.verify(challenge, null), "no work proof");
        assertRefused(engine.verify(null, proof), "no challenge");
        assertRefused(engine.verify(challenge, new Proof(ProofEngine.WORK, new byte[0])), "malformed");
    }

    @Test
    public void refusesUnusableChallengeValuesAndGarbageWithoutThrowing() throws ProofException {
        Challenge empty = new Challenge(new byte[32], "node", new byte[0], new byte[0]);
        Challenge huge = new Challenge(new byte[32], "node", new byte[0], new byte[4097]);
        assertThrows(ProofException.class, () -> engine.prove(empty));
        assertThrows(ProofException.class, () -> engine.prove(huge));
        assertThrows(ProofException.class, () -> engine.prove(null));
        Proof proof = engine.prove(challenge("values"));
        assertRefused(engine.verify(empty, proof), "challenge value of 0 bytes");
        assertRefused(engine.verify(huge, proof), "challenge value of 4097 bytes");
        java.util.Random random = new java.util.Random(7);
        Challenge challenge = challenge("noise");
        for (int i = 0; i < 2000; i++) {
            byte[] noise = new byte[random.nextInt(3) == 0 ? random.nextInt(40) : WorkProof.LENGTH];
            random.nextBytes(noise);
            if (noise.length > 0 && random.nextBoolean()) {
                noise[0] = WorkProof.VERSION;
            }
            assertFalse(engine.verify(challenge, new Proof(ProofEngine.WORK, noise)).valid());
        }
    }

    @Test
    public void proofIsDeterministicForAChallenge() throws ProofException {
        Challenge challenge = challenge("again");
        assertArrayEquals(engine.prove(challenge).encoded(), engine.prove(challenge).encoded());
    }

    @Test
    public void proverGivesUpAfterMaxAttempts() {
        WorkProofEngine bounded = new WorkProofEngine(new WorkSettings(40, 40, 1000, 60_000));
        ProofException e = assertThrows(ProofException.class, () -> bounded.prove(challenge("attempts")));
        assertTrue(e.getMessage(), e.getMessage().contains("within max.attempts (1000)"));
    }

    @Test
    public void proverGivesUpAfterMaxMillis() {
        WorkProofEngine bounded = new WorkProofEngine(new WorkSettings(40, 40, Long.MAX_VALUE, 50));
        long started = System.nanoTime();
        ProofException e = assertThrows(ProofException.class, () -> bounded.prove(challenge("millis")));
        assertTrue(e.getMessage(), e.getMessage().contains("within max.millis"));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    public void proverStopsWhenTheEngineIsDeactivated() throws Exception {
        WorkProofEngine endless = new WorkProofEngine(new WorkSettings(48, 48, Long.MAX_VALUE, 3_600_000));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Proof> proving = executor.submit(() -> endless.prove(challenge("stop")));
            endless.deactivate();
            Exception e = assertThrows(Exception.class, () -> proving.get(10, TimeUnit.SECONDS));
            assertTrue(e.toString(), e.getCause() instanceof ProofException);
            assertThrows(ProofException.class, () -> endless.prove(challenge("after stop")));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    public void interruptedProverGivesUp() throws Exception {
        WorkProofEngine endless = new WorkProofEngine(new WorkSettings(48, 48, Long.MAX_VALUE, 3_600_000));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Proof> proving = executor.submit(() -> endless.prove(challenge("interrupt")));
            proving.cancel(true);
            executor.shutdown();
            assertTrue("the prover did not stop", executor.awaitTermination(10, TimeUnit.SECONDS));
        } finally {
            executor.shutdownNow();
        }
    }
}
