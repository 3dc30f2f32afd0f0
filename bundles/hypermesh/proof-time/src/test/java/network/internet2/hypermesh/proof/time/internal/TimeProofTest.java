package network.internet2.hypermesh.proof.time.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.Test;

import network.internet2.hypermesh.proof.ProofException;

/** The strict decoder of the proof encoding. */
public class TimeProofTest {

    private static final Wesolowski VDF = new Wesolowski(Rsa2048.MODULUS);
    private static final BigInteger N = Rsa2048.MODULUS;

    private static TimeProof sample() {
        byte[] previous = new byte[32];
        Arrays.fill(previous, (byte) 7);
        BigInteger y = VDF.canonical(HashToGroup.element(N, new byte[] {1}, previous));
        BigInteger pi = VDF.canonical(HashToGroup.element(N, new byte[] {2}, previous));
        BigInteger l = HashToPrime.prime(2048, y, pi, 256);
        return new TimeProof(2048, 1_700_000_000_000L, previous, y, pi, l, new byte[71]);
    }

    private static String refusal(byte[] encoded) {
        return assertThrows(ProofException.class, () -> TimeProof.decode(encoded, VDF)).getMessage();
    }

    private static void assertRefused(byte[] encoded, String part) {
        String message = refusal(encoded);
        assertTrue("'" + message + "' should mention '" + part + "'", message.contains(part));
    }

    @Test
    public void roundTrips() throws ProofException {
        TimeProof proof = sample();
        byte[] encoded = proof.encode(256);
        assertEquals(1 + 4 + 8 + 2 + 32 + 2 + 256 + 2 + 256 + 2 + 32 + 2 + 71, encoded.length);
        TimeProof decoded = TimeProof.decode(encoded, VDF);
        assertEquals(proof.iterations(), decoded.iterations());
        assertEquals(proof.timestamp(), decoded.timestamp());
        assertArrayEquals(proof.previous(), decoded.previous());
        assertEquals(proof.y(), decoded.y());
        assertEquals(proof.proof(), decoded.proof());
        assertEquals(proof.prime(), decoded.prime());
        assertArrayEquals(proof.signature(), decoded.signature());
        assertArrayEquals(encoded, decoded.encode(256));
    }

    @Test
    public void refusesEveryTruncation() {
        byte[] encoded = sample().encode(256);
        for (int length = 0; length < encoded.length; length++) {
            String message = refusal(Arrays.copyOf(encoded, length));
            assertTrue(length + ": " + message, message.startsWith("malformed time proof"));
        }
        assertRefused(new byte[0], "empty");
    }

    @Test
    public void refusesTrailingBytes() {
        byte[] encoded = sample().encode(256);
        assertRefused(Arrays.copyOf(encoded, encoded.length + 1), "1 bytes follow the signature");
    }

    @Test
    public void refusesUnknownVersionAndNonPositiveIterations() {
        byte[] encoded = sample().encode(256);
        encoded[0] = 2;
        assertRefused(encoded, "unknown time proof version 2");
        byte[] zero = sample().encode(256);
        ByteBuffer.wrap(zero).putInt(1, 0);
        assertRefused(zero, "iterations must be positive");
        ByteBuffer.wrap(zero).putInt(1, -5);
        assertRefused(zero, "iterations must be positive");
    }

    @Test
    public void refusesWrongFieldLengths() {
        TimeProof proof = sample();
        // previous is 31 bytes
        TimeProof shortPrevious = new TimeProof(2048, 0, new byte[31], proof.y(), proof.proof(), proof.prime(),
                proof.signature());
        assertRefused(shortPrevious.encode(256), "previous must be 32 bytes, not 31");
        // group elements written 255 bytes wide
        byte[] narrow = new TimeProof(2048, 0, proof.previous(), BigInteger.TWO, BigInteger.TWO, proof.prime(),
                proof.signature()).encode(255);
        assertRefused(narrow, "y must be 256 bytes, not 255");
        assertRefused(new TimeProof(2048, 0, proof.previous(), proof.y(), proof.proof(), proof.prime(),
                new byte[0]).encode(256), "signature must be 1 to 256 bytes, not 0");
        assertRefused(new TimeProof(2048, 0, proof.previous(), proof.y(), proof.proof(), proof.prime(),
                new byte[257]).encode(256), "signature must be 1 to 256 bytes, not 257");
    }

    @Test
    public void refusesElementsOutsideTheCanonicalRange() {
        TimeProof proof = sample();
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, N.subtract(proof.y()), N, N.add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(2048).subtract(BigInteger.ONE)}) {
            assertRefused(new TimeProof(2048, 0, proof.previous(), bad, proof.proof(), proof.prime(),
                    proof.signature()).encode(256), "y is not a canonical group element");
            assertRefused(new TimeProof(2048, 0, proof.previous(), proof.y(), bad, proof.prime(),
                    proof.signature()).encode(256), "π is not a canonical group element");
        }
    }

    @Test
    public void refusesAPrimeOfTheWrongShape() {
        TimeProof proof = sample();
        assertRefused(new TimeProof(2048, 0, proof.previous(), proof.y(), proof.proof(), proof.prime().subtract(
                BigInteger.ONE), proof.signature()).encode(256), "ℓ must be an odd 256-bit number");
        assertRefused(new TimeProof(2048, 0, proof.previous(), proof.y(), proof.proof(), BigInteger.valueOf(3),
                proof.signature()).encode(256), "ℓ must be an odd 256-bit number");
    }

    @Test
    public void refusesAFieldLongerThanWhatFollows() {
        byte[] encoded = sample().encode(256);
        // claim a 71-byte signature but cut inside it
        assertRefused(Arrays.copyOf(encoded, encoded.length - 10), "it ends inside signature (61 of 71 bytes)");
    }
}
