package network.internet2.hypermesh.proof.time.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import network.internet2.hypermesh.proof.ProofException;

/**
 * The VDF algebra, checked against a toy modulus whose factors (and so group
 * order) are known: there y = x^(2^T mod φ(N)) and π = x^(floor(2^T/ℓ) mod φ(N))
 * can be computed independently of the squaring and the on-the-fly division.
 */
public class WesolowskiTest {

    /** The Mersenne primes 2^61 − 1 and 2^89 − 1. */
    static final BigInteger P = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);
    static final BigInteger Q = BigInteger.ONE.shiftLeft(89).subtract(BigInteger.ONE);
    static final BigInteger TOY = P.multiply(Q);
    static final BigInteger PHI = P.subtract(BigInteger.ONE).multiply(Q.subtract(BigInteger.ONE));

    private final Wesolowski toy = new Wesolowski(TOY);

    private static BigInteger input(BigInteger modulus, String seed) {
        return HashToGroup.element(modulus, seed.getBytes(StandardCharsets.UTF_8), new byte[32]);
    }

    @Test
    public void toyFactorsArePrime() {
        assertTrue(P.isProbablePrime(100));
        assertTrue(Q.isProbablePrime(100));
    }

    @Test
    public void outputAndProofMatchExponentReductionByTheGroupOrder() throws ProofException {
        for (int iterations : new int[] {1, 2, 15, 16, 17, 255, 256, 257, 1000, 1024, 4097, 20_000, 65_536}) {
            BigInteger x = input(TOY, "toy " + iterations);
            Wesolowski.Evaluation evaluation = toy.evaluate(x, iterations, () -> false);
            BigInteger twoToT = BigInteger.ONE.shiftLeft(iterations);
            BigInteger y = x.modPow(twoToT.mod(PHI), TOY);
            assertEquals("y at T=" + iterations, toy.canonical(y), evaluation.y());
            assertEquals("ℓ at T=" + iterations, toy.prime(iterations, x, evaluation.y()), evaluation.prime());
            BigInteger quotient = twoToT.divide(evaluation.prime());
            BigInteger pi = x.modPow(quotient.mod(PHI), TOY);
            assertEquals("π at T=" + iterations, toy.canonical(pi), evaluation.proof());
            assertTrue(toy.holds(x, iterations, evaluation.y(), evaluation.proof(), evaluation.prime()));
        }
    }

    @Test
    public void everyScheduleComputesTheSameQuotientPower() {
        BarrettReducer reducer = new BarrettReducer(TOY);
        BigInteger prime = HashToPrime.prime(1, BigInteger.TWO, BigInteger.TEN, 32);
        for (int iterations : new int[] {1, 7, 64, 300, 301, 1234, 5000}) {
            BigInteger x = input(TOY, "schedule " + iterations);
            BigInteger expected = x.modPow(BigInteger.ONE.shiftLeft(iterations).divide(prime), TOY);
            for (int kappa : new int[] {1, 2, 3, 5, 8, 11, 16}) {
                for (int gamma : new int[] {1, 2, 3, 7, 40}) {
                    SquaringSchedule schedule = new SquaringSchedule(kappa, gamma);
                    List<BigInteger> checkpoints = new ArrayList<>();
                    for (int i = 0; i < schedule.checkpoints(iterations); i++) {
                        checkpoints.add(x.modPow(BigInteger.ONE.shiftLeft(schedule.spacing() * i), TOY));
                    }
                    assertEquals("T=" + iterations + " κ=" + kappa + " γ=" + gamma, expected,
                            QuotientPower.compute(checkpoints, schedule, iterations, prime, TOY, reducer));
                }
            }
        }
    }

    @Test
    public void rsa2048ProofEqualsTheDirectQuotientPower() throws ProofException {
        Wesolowski rsa = new Wesolowski(Rsa2048.MODULUS);
        for (int iterations : new int[] {1, 300, 5000}) {
            BigInteger x = input(Rsa2048.MODULUS, "rsa " + iterations);
            Wesolowski.Evaluation evaluation = rsa.evaluate(x, iterations, () -> false);
            BigInteger y = x.modPow(BigInteger.ONE.shiftLeft(iterations), Rsa2048.MODULUS);
            BigInteger pi = x.modPow(BigInteger.ONE.shiftLeft(iterations).divide(evaluation.prime()),
                    Rsa2048.MODULUS);
            assertEquals(rsa.canonical(y), evaluation.y());
            assertEquals(rsa.canonical(pi), evaluation.proof());
            assertTrue(rsa.holds(x, iterations, evaluation.y(), evaluation.proof(), evaluation.prime()));
        }
    }

    @Test
    public void refusesWrongOutputProofOrIterations() throws ProofException {
        BigInteger x = input(TOY, "wrong");
        Wesolowski.Evaluation e = toy.evaluate(x, 3000, () -> false);
        assertTrue(toy.holds(x, 3000, e.y(), e.proof(), e.prime()));
        assertFalse(toy.holds(x, 3000, toy.canonical(e.y().add(BigInteger.ONE)), e.proof(), e.prime()));
        assertFalse(toy.holds(x, 3000, e.y(), toy.canonical(e.proof().add(BigInteger.ONE)), e.prime()));
        assertFalse(toy.holds(x, 2999, e.y(), e.proof(), e.prime()));
        assertFalse(toy.holds(x, 3001, e.y(), e.proof(), e.prime()));
        assertFalse(toy.holds(input(TOY, "other"), 3000, e.y(), e.proof(), e.prime()));
        BigInteger otherPrime = e.prime().add(BigInteger.TWO);
        while (!otherPrime.isProbablePrime(64)) {
            otherPrime = otherPrime.add(BigInteger.TWO);
        }
        assertFalse(toy.holds(x, 3000, e.y(), e.proof(), otherPrime));
    }

    @Test
    public void negatedOutputAndProofAreTheSameCanonicalElements() throws ProofException {
        BigInteger x = input(TOY, "sign");
        Wesolowski.Evaluation e = toy.evaluate(x, 500, () -> false);
        assertTrue(toy.isCanonical(e.y()));
        assertTrue(toy.isCanonical(e.proof()));
        assertEquals(e.y(), toy.canonical(TOY.subtract(e.y())));
        assertFalse(toy.isCanonical(TOY.subtract(e.y())));
        assertFalse(toy.isCanonical(BigInteger.ZERO));
    }

    @Test
    public void abandonsWhenStopped() {
        BigInteger x = input(TOY, "stop");
        ProofException e = assertThrows(ProofException.class, () -> toy.evaluate(x, 1 << 20, () -> true));
        assertTrue(e.getMessage().contains("stopping"));
    }

    @Test
    public void refusesIterationsOutOfRange() {
        BigInteger x = input(TOY, "range");
        assertThrows(IllegalArgumentException.class, () -> toy.evaluate(x, 0, () -> false));
        assertThrows(IllegalArgumentException.class, () -> toy.evaluate(x, Wesolowski.MAX_ITERATIONS + 1,
                () -> false));
    }

    @Test
    public void scheduleStaysWithinItsMemoryBoundUpToTheMaximum() {
        for (int iterations = 1; iterations > 0 && iterations <= Wesolowski.MAX_ITERATIONS; iterations *= 2) {
            SquaringSchedule schedule = SquaringSchedule.forIterations(iterations);
            assertNotNull("T=" + iterations, schedule);
            assertTrue(schedule.checkpoints(iterations) <= SquaringSchedule.MAX_CHECKPOINTS);
        }
    }

    @Test
    public void barrettReductionAgreesWithDivision() {
        BarrettReducer reducer = new BarrettReducer(Rsa2048.MODULUS);
        BigInteger a = input(Rsa2048.MODULUS, "a");
        for (int i = 0; i < 200; i++) {
            BigInteger b = input(Rsa2048.MODULUS, "b " + i);
            assertEquals(a.multiply(b).mod(Rsa2048.MODULUS), reducer.multiply(a, b));
            a = b;
        }
        BigInteger max = Rsa2048.MODULUS.subtract(BigInteger.ONE);
        assertEquals(max.multiply(max).mod(Rsa2048.MODULUS), reducer.multiply(max, max));
        assertEquals(BigInteger.ZERO, reducer.multiply(BigInteger.ZERO, max));
    }
}
