package network.internet2.hypermesh.proof.time.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.classical.internal.ClassicalCryptoSuite;

public class TimeProofEngineTest {

    private static final CryptoSuite SUITE = new ClassicalCryptoSuite();
    private static final Wesolowski VDF = new Wesolowski(Rsa2048.MODULUS);
    private static final String NODE = "node-a.internet2.network";
    private static final int T = 2048;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

    private Path directory() {
        return folder.getRoot().toPath().resolve("proof-time");
    }

    private TimeProofEngine engine(int iterations, int minIterations, int history) throws IOException {
        return new TimeProofEngine(new TimeSettings(iterations, minIterations, history, 30_000, directory(), 4),
                SUITE, clock, Rsa2048.MODULUS);
    }

    private TimeProofEngine engine() throws IOException {
        return engine(T, T, 64);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Challenge challenge(String seed, String node) {
        return new Challenge(sha256("operation " + seed), node, sha256("nonce " + seed), sha256("value " + seed));
    }

    private static Challenge challenge(String seed) {
        return challenge(seed, NODE);
    }

    private static TimeProof decode(Proof proof) throws ProofException {
        return TimeProof.decode(proof.encoded(), VDF);
    }

    private static Proof encode(TimeProof proof) {
        return new Proof(ProofEngine.TIME, proof.encode(VDF.width()));
    }

    private static void assertRefused(Verdict verdict, String reasonPart) {
        assertFalse("expected a refusal mentioning '" + reasonPart + "'", verdict.valid());
        assertTrue("reason '" + verdict.reason() + "' should mention '" + reasonPart + "'",
                verdict.reason().contains(reasonPart));
    }

    @Test
    public void isTheTimeEngine() throws IOException {
        assertEquals(ProofEngine.TIME, engine().type());
    }

    @Test
    public void verifiesItsOwnProofsWhileTheyAreRecent() throws Exception {
        TimeProofEngine engine = engine();
        List<Challenge> challenges = new ArrayList<>();
        List<Proof> proofs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Challenge challenge = challenge("own " + i);
            Proof proof = engine.prove(challenge);
            assertEquals(ProofEngine.TIME, proof.type());
            assertEquals(Verdict.ok(), engine.verify(challenge, proof));
            challenges.add(challenge);
            proofs.add(proof);
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(Verdict.ok(), engine.verify(challenges.get(i), proofs.get(i)));
        }
    }

    @Test
    public void eachProofFollowsTheHeadThePreviousOneMade() throws Exception {
        TimeProofEngine engine = engine();
        TimeProof first = decode(engine.prove(challenge("first")));
        TimeProof second = decode(engine.prove(challenge("second")));
        assertArrayEquals(TimeChain.nextHead(first.previous(), Hashing.unsigned(first.y(), 256)), second.previous());
        assertEquals(2, engine.chains().get(NODE).proofs());
    }

    @Test
    public void proofCarriesTheVdfOfItsChallenge() throws Exception {
        TimeProofEngine engine = engine();
        Challenge challenge = challenge("vdf");
        TimeProof proof = decode(engine.prove(challenge));
        BigInteger x = HashToGroup.element(Rsa2048.MODULUS, challenge.value(), proof.previous());
        assertEquals(VDF.canonical(x.modPow(BigInteger.ONE.shiftLeft(T), Rsa2048.MODULUS)), proof.y());
        assertEquals(T, proof.iterations());
        assertEquals(clock.millis(), proof.timestamp());
    }

    @Test
    public void refusesAProofForAnotherChallenge() throws Exception {
        TimeProofEngine engine = engine();
        Proof proof = engine.prove(challenge("one"));
        assertRefused(engine.verify(challenge("two"), proof), "VDF does not verify");
    }

    @Test
    public void refusesAProofForANodeItKeepsNoChainFor() throws Exception {
        TimeProofEngine engine = engine();
        Proof proof = engine.prove(challenge("known"));
        assertRefused(engine.verify(challenge("known", "node-b.internet2.network"), proof),
                "unknown node: this engine keeps no time chain for node-b.internet2.network");
    }

    @Test
    public void refusesATamperedOutput() throws Exception {
        TimeProofEngine engine = engine();
        Challenge challenge = challenge("y");
        TimeProof p = decode(engine.prove(challenge));
        BigInteger y = VDF.canonical(p.y().add(BigInteger.ONE));
        assertRefused(engine.verify(challenge, encode(new TimeProof(p.iterations(), p.timestamp(), p.previous(), y,
                p.proof(), p.prime(), p.signature()))), "VDF does not verify");
    }

    @Test
    public void refusesATamperedProof() throws Exception {
        TimeProofEngine engine = engine();
        Challenge challenge = challenge("pi");
        TimeProof p = decode(engine.prove(challenge));
        BigInteger pi = VDF.canonical(p.proof().add(BigInteger.ONE));
        assertRefused(engine.verify(challenge, encode(new TimeProof(p.iterations(), p.timestamp(), p.previous(),
                p.y(), pi, p.prime(), p.signature()))), "VDF does not verify");
    }

    @Test
    public void refusesATamperedPrime() throws Exception {
        TimeProofEngine engine = engine();
        Challenge challenge = challenge("l");
        TimeProof p = decode(engine.prove(challenge));
        BigInteger other = p.prime().add(BigInteger.TWO);
        while (!other.isProbablePrime(64)) {
            other = other.add(BigInteger.TWO);
        }
        assertRefused(engine.verify(challenge, encode(new TimeProof(p.iterations(), p.timestamp(), p.previous(),
                p.y(), p.proof(), other, p.signature()))), "prime ℓ is not the one derived from (T, x, y)");
    }

    @Test
    public void refusesATamperedTimestamp() throws Exception {
        TimeProofEngine engine = engine();
        Challenge challenge = challenge("timestamp");
        TimeProof p = decode(engine.prove(challenge));
        for (long shift : new long[] {-1, 1, -20_000}) {
            assertRefused(engine.verify(challenge, encode(new TimeProof(p.iterations(), p.timestamp() + shift,
                    p.previous(), p.y(), p.proof(), p.prime(), p.signature()))), "signature does not verify");
        }
    }

    @Test
    public void refusesATamperedSignature() throws Exception {
        TimeProofEngine engine = engine();
        Challenge challenge = challenge("signature");
        TimeProof p = decode(engine.prove(challenge));
        byte[] flipped = p.signature();
        flipped[flipped.length - 1] ^= 1;
        assertRefused(engine.verify(challenge, encode(new TimeProof(p.iterations(), p.timestamp(), p.previous(),
                p.y(), p.proof(), p.prime(), flipped))), "signature does not verify");
        byte[] foreign = SUITE.sign(TimeKey.ALGORITHM, SUITE.generateKeyPair(TimeKey.ALGORITHM).getPrivate(),
                TimeProof.signedBytes(challenge.value(), p.iterations(), p.previous(), p.y(), p.timestamp(), 256));
        assertRefused(engine.verify(challenge, encode(new TimeProof(p.iterations(), p.timestamp(), p.previous(),
                p.y(), p.proof(), p.prime(), foreign))), "signature does not verify with the node's time key");
        assertRefused(engine.verify(challenge, encode(new TimeProof(p.iterations(), p.timestamp(), p.previous(),
                p.y(), p.proof(), p.prime(), new byte[] {0x30, 0}))), "signature does not verify");
    }

    @Test
    public void refusesATamperedPrevious() throws Exception {
        TimeProofEngine engine = engine();
        Challenge challenge = challenge("previous");
        TimeProof p = decode(engine.prove(challenge));
        assertRefused(engine.verify(challenge, encode(new TimeProof(p.iterations(), p.timestamp(), sha256("other"),
                p.y(), p.proof(), p.prime(), p.signature()))), "does not chain to the node's time chain");
        // a head the chain does know, but not the one this proof followed
        byte[] current = engine.chains().get(NODE).head();
        assertRefused(engine.verify(challenge, encode(new TimeProof(p.iterations(), p.timestamp(), current, p.y(),
                p.proof(), p.prime(), p.signature()))), "VDF does not verify");
    }

    @Test
    public void refusesTamperedIterations() throws Exception {
        TimeProofEngine engine = engine(T, 1024, 64);
        Challenge challenge = challenge("iterations");
        TimeProof p = decode(engine.prove(challenge));
        for (int iterations : new int[] {T - 1, T + 1, 2 * T}) {
            assertRefused(engine.verify(challenge, encode(new TimeProof(iterations, p.timestamp(), p.previous(),
                    p.y(), p.proof(), p.prime(), p.signature()))), "VDF does not verify");
        }
    }

    @Test
    public void refusesFewerIterationsThanTheMinimum() throws Exception {
        Challenge challenge = challenge("few");
        Proof proof = engine(1024, 1024, 64).prove(challenge);
        TimeProofEngine strict = engine(4096, 2048, 64);
        assertRefused(strict.verify(challenge, proof), "1024 squarings, fewer than the 2048 this node accepts "
                + "(min.iterations)");
    }

    @Test
    public void refusesTruncatedAndExtendedEncodings() throws Exception {
        TimeProofEngine engine = engine();
        Challenge challenge = challenge("length");
        byte[] encoded = engine.prove(challenge).encoded();
        for (int length = 0; length < encoded.length; length++) {
            assertRefused(engine.verify(challenge, new Proof(ProofEngine.TIME, Arrays.copyOf(encoded, length))),
                    "malformed time proof");
        }
        assertRefused(engine.verify(challenge, new Proof(ProofEngine.TIME, Arrays.copyOf(encoded,
                encoded.length + 1))), "1 bytes follow the signature");
        byte[] version = encoded.clone();
        version[0] = 9;
        assertRefused(engine.verify(challenge, new Proof(ProofEngine.TIME, version)), "unknown time proof version 9");
    }

    @Test
    public void refusesBitFlipsAcrossTheEncoding() throws Exception {
        TimeProofEngine engine = engine();
        Challenge challenge = challenge("flips");
        byte[] encoded = engine.prove(challenge).encoded();
        int checked = 0;
        for (int bit = 0; bit < encoded.length * 8; bit += 7) {
            byte[] flipped = encoded.clone();
            flipped[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            assertFalse("flipping bit " + bit + " was accepted",
                    engine.verify(challenge, new Proof(ProofEngine.TIME, flipped)).valid());
            checked++;
        }
        assertTrue(checked > 700);
    }

    @Test
    public void refusesANonCanonicalOutput() throws Exception {
        TimeProofEngine engine = engine();
        Challenge challenge = challenge("negated");
        TimeProof p = decode(engine.prove(challenge));
        BigInteger negated = Rsa2048.MODULUS.subtract(p.y());
        assertRefused(engine.verify(challenge, encode(new TimeProof(p.iterations(), p.timestamp(), p.previous(),
                negated, p.proof(), p.prime(), p.signature()))), "y is not a canonical group element");
    }

    @Test
    public void refusesAReplayOnceTheChainHasMovedOnBeyondItsHistory() throws Exception {
        int history = 4;
        TimeProofEngine engine = engine(T, T, history);
        Challenge old = challenge("old");
        Proof replayed = engine.prove(old);
        for (int i = 0; i < history - 2; i++) {
            engine.prove(challenge("later " + i));
        }
        assertEquals("still among the last " + history + " heads", Verdict.ok(), engine.verify(old, replayed));
        engine.prove(challenge("one more"));
        assertRefused(engine.verify(old, replayed), "does not chain to the node's time chain");
    }

    @Test
    public void refusesAStaleProofAndOneFromTheFuture() throws Exception {
        TimeProofEngine engine = engine();
        Challenge challenge = challenge("skew");
        Proof proof = engine.prove(challenge);
        clock.advance(Duration.ofMillis(30_000));
        assertEquals(Verdict.ok(), engine.verify(challenge, proof));
        clock.advance(Duration.ofMillis(1));
        assertRefused(engine.verify(challenge, proof), "stale: its timestamp is 30001 ms old");
        clock.advance(Duration.ofMillis(-60_002));
        assertRefused(engine.verify(challenge, proof), "from the future: its timestamp is 30001 ms ahead");
    }

    @Test
    public void chainAndKeySurviveARestart() throws Exception {
        TimeProofEngine before = engine();
        Challenge challenge = challenge("before restart");
        Proof proof = before.prove(challenge);
        before.deactivate();
        TimeProofEngine after = engine();
        assertEquals(Verdict.ok(), after.verify(challenge, proof));
        assertArrayEquals(before.key().publicKey().getEncoded(), after.key().publicKey().getEncoded());
        TimeProof first = decode(proof);
        TimeProof next = decode(after.prove(challenge("after restart")));
        assertArrayEquals(TimeChain.nextHead(first.previous(), Hashing.unsigned(first.y(), 256)), next.previous());
        assertEquals(2, after.chains().get(NODE).proofs());
    }

    @Test
    public void storesOwnerOnlyFiles() throws Exception {
        engine().prove(challenge("files"));
        assertEquals(SecureFiles.OWNER_DIRECTORY, Files.getPosixFilePermissions(directory()));
        try (var files = Files.list(directory())) {
            List<Path> listed = files.toList();
            assertEquals(listed.toString(), 3, listed.size());
            for (Path file : listed) {
                assertEquals(file.toString(), SecureFiles.OWNER_FILE, Files.getPosixFilePermissions(file));
            }
        }
    }

    @Test
    public void refusesOtherTypesMissingInputAndGarbageWithoutThrowing() throws Exception {
        TimeProofEngine engine = engine();
        Challenge challenge = challenge("garbage");
        Proof proof = engine.prove(challenge);
        assertRefused(engine.verify(challenge, new Proof(ProofEngine.WORK, proof.encoded())),
                "not a time proof: its type is work");
        assertRefused(engine.verify(challenge, null), "no time proof");
        assertRefused(engine.verify(null, proof), "no challenge");
        assertRefused(engine.verify(new Challenge(new byte[32], NODE, new byte[0], new byte[0]), proof),
                "challenge value of 0 bytes");
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            byte[] noise = new byte[random.nextInt(800)];
            random.nextBytes(noise);
            if (noise.length > 0 && random.nextBoolean()) {
                noise[0] = 1;
            }
            assertFalse(engine.verify(challenge, new Proof(ProofEngine.TIME, noise)).valid());
        }
    }

    @Test
    public void refusesToProveForUnusableChallenges() throws Exception {
        TimeProofEngine engine = engine();
        assertThrows(ProofException.class, () -> engine.prove(null));
        assertThrows(ProofException.class, () -> engine.prove(new Challenge(new byte[32], NODE, new byte[0],
                new byte[0])));
        assertThrows(ProofException.class, () -> engine.prove(new Challenge(new byte[32], NODE, new byte[0],
                new byte[4097])));
        assertThrows(ProofException.class, () -> engine.prove(challenge("blank", " ")));
    }

    @Test
    public void refusesToKeepMoreChainsThanMaxChains() throws Exception {
        TimeProofEngine engine = engine();
        for (int i = 0; i < 4; i++) {
            engine.prove(challenge("chains", "node-" + i));
        }
        ProofException e = assertThrows(ProofException.class, () -> engine.prove(challenge("chains", "node-4")));
        assertTrue(e.getMessage(), e.getMessage().contains("max.chains"));
    }

    @Test
    public void proofsOfOneNodeAreMadeOneAfterAnother() throws Exception {
        TimeProofEngine engine = engine();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            List<Future<Proof>> futures = new ArrayList<>();
            List<Challenge> challenges = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Challenge challenge = challenge("concurrent " + i);
                challenges.add(challenge);
                futures.add(executor.submit(() -> engine.prove(challenge)));
            }
            Set<String> previous = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                Proof proof = futures.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(Verdict.ok(), engine.verify(challenges.get(i), proof));
                previous.add(Arrays.toString(decode(proof).previous()));
            }
            assertEquals("every proof followed a different head", 6, previous.size());
            assertEquals(6, engine.chains().get(NODE).proofs());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    public void deactivationStopsAProofUnderWay() throws Exception {
        TimeProofEngine engine = engine(Wesolowski.MAX_ITERATIONS, 1024, 64);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Proof> proving = executor.submit(() -> engine.prove(challenge("endless")));
            engine.deactivate();
            Exception e = assertThrows(Exception.class, () -> proving.get(30, TimeUnit.SECONDS));
            assertTrue(e.toString(), e.getCause() instanceof ProofException);
            assertThrows(ProofException.class, () -> engine.prove(challenge("after")));
        } finally {
            executor.shutdownNow();
        }
    }
}
