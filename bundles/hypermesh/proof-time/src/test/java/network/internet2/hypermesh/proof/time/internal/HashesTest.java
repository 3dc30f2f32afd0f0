package network.internet2.hypermesh.proof.time.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.junit.Test;

/** Hash-to-group, hash-to-prime and the fixed-width encoding. */
public class HashesTest {

    private static final BigInteger N = Rsa2048.MODULUS;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void groupElementIsDeterministicInRangeAndNonTrivial() {
        for (int i = 0; i < 50; i++) {
            BigInteger x = HashToGroup.element(N, bytes("value " + i), new byte[32]);
            assertEquals(x, HashToGroup.element(N, bytes("value " + i), new byte[32]));
            assertTrue(x.compareTo(BigInteger.ONE) > 0 && x.compareTo(N.subtract(BigInteger.ONE)) < 0);
            // expanded to 2176 bits and reduced: the result spans the whole range, not just 256 bits
            assertTrue(x.bitLength() > 2000);
        }
    }

    @Test
    public void groupElementDependsOnValueAndPrevious() {
        byte[] previous = new byte[32];
        BigInteger x = HashToGroup.element(N, bytes("v"), previous);
        previous[31] = 1;
        assertNotEquals(x, HashToGroup.element(N, bytes("v"), previous));
        assertNotEquals(x, HashToGroup.element(N, bytes("w"), new byte[32]));
        // the length prefixes keep the boundary between value and previous unambiguous
        assertNotEquals(HashToGroup.element(N, bytes("ab"), bytes("c")), HashToGroup.element(N, bytes("a"),
                bytes("bc")));
    }

    @Test
    public void tinyModulusSkipsTrivialElements() {
        BigInteger fifteen = BigInteger.valueOf(15);
        for (int i = 0; i < 200; i++) {
            BigInteger x = HashToGroup.element(fifteen, bytes("tiny " + i), new byte[0]);
            assertTrue(x + " trivial", !x.equals(BigInteger.ONE) && !x.equals(BigInteger.valueOf(14)));
            assertEquals(BigInteger.ONE, x.gcd(fifteen));
        }
    }

    @Test
    public void primeIs256BitsDeterministicAndBoundToTheStatement() {
        BigInteger x = HashToGroup.element(N, bytes("x"), new byte[32]);
        BigInteger y = HashToGroup.element(N, bytes("y"), new byte[32]);
        BigInteger l = HashToPrime.prime(1000, x, y, 256);
        assertEquals(256, l.bitLength());
        assertTrue(l.isProbablePrime(128));
        assertEquals(l, HashToPrime.prime(1000, x, y, 256));
        assertNotEquals(l, HashToPrime.prime(1001, x, y, 256));
        assertNotEquals(l, HashToPrime.prime(1000, y, x, 256));
        assertNotEquals(l, HashToPrime.prime(1000, x, y.add(BigInteger.ONE), 256));
    }

    @Test
    public void primeIsTheFirstPrimeFromTheHashedCandidate() throws Exception {
        BigInteger x = BigInteger.valueOf(5);
        BigInteger y = BigInteger.valueOf(7);
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        sha256.update(bytes("internet2/hypermesh/proof-of-time/v1/hash-to-prime"));
        sha256.update(new byte[] {0, 0, 0, 3, 0, 0, 0, 32});
        sha256.update(Hashing.unsigned(x, 32));
        sha256.update(Hashing.unsigned(y, 32));
        BigInteger candidate = new BigInteger(1, sha256.digest()).setBit(255).setBit(0);
        BigInteger l = HashToPrime.prime(3, x, y, 32);
        assertTrue(l.compareTo(candidate) >= 0);
        for (BigInteger odd = candidate; odd.compareTo(l) < 0; odd = odd.add(BigInteger.TWO)) {
            assertTrue(odd + " is prime and comes before " + l, !odd.isProbablePrime(128));
        }
        assertTrue(l.isProbablePrime(128));
    }

    @Test
    public void fixedWidthPadsAndRefusesOverflow() {
        assertArrayEquals(new byte[] {0, 0, 1, 2}, Hashing.unsigned(BigInteger.valueOf(258), 4));
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xff}, Hashing.unsigned(BigInteger.valueOf(65535), 2));
        assertThrows(IllegalArgumentException.class, () -> Hashing.unsigned(BigInteger.valueOf(65536), 2));
        assertThrows(IllegalArgumentException.class, () -> Hashing.unsigned(BigInteger.valueOf(-1), 2));
        assertEquals(256, Hashing.width(N));
    }
}
