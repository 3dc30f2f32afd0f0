package network.internet2.hypermesh.proof.time.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;

import org.junit.Test;

/** The embedded RSA-2048 challenge number is the published one, digit for digit as far as can be checked. */
public class Rsa2048Test {

    private static final BigInteger N = Rsa2048.MODULUS;

    @Test
    public void has617DecimalDigitsAnd2048Bits() {
        assertEquals(617, Rsa2048.DECIMAL.length());
        assertEquals(Rsa2048.DECIMAL, N.toString());
        assertEquals(2048, N.bitLength());
    }

    @Test
    public void matchesThePublishedEnds() {
        // RSA Laboratories' listing and https://en.wikipedia.org/wiki/RSA_numbers#RSA-2048
        assertTrue(Rsa2048.DECIMAL.startsWith("2519590847565789349402718324004839857142928212620403202777713783"));
        assertTrue(Rsa2048.DECIMAL.endsWith("21201039712282212072035" + "7"));
        String hex = N.toString(16);
        assertTrue(hex, hex.startsWith("c7970ceedcc3b075"));
        assertTrue(hex, hex.endsWith("6399d48c6361cc7e5"));
    }

    @Test
    public void isOddCompositeWithoutSmallFactors() {
        assertTrue(N.testBit(0));
        assertFalse(N.isProbablePrime(64));
        BigInteger p = BigInteger.valueOf(3);
        int checked = 0;
        while (p.intValueExact() < 100_000) {
            assertNotEquals("divisible by " + p, BigInteger.ZERO, N.mod(p));
            p = p.nextProbablePrime();
            checked++;
        }
        assertEquals(9591, checked); // the odd primes below 100000
    }
}
