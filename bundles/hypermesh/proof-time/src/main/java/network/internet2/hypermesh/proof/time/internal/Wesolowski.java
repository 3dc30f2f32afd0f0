package network.internet2.hypermesh.proof.time.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import network.internet2.hypermesh.proof.ProofException;

/**
 * Wesolowski's verifiable delay function ("Efficient verifiable delay
 * functions", EUROCRYPT 2019) in the RSA group modulo N.
 *
 * <p>Evaluation: y = x^(2^T) by T sequential squarings; ℓ =
 * {@link HashToPrime}(T, x, y); π = x^floor(2^T / ℓ) ({@link QuotientPower}).
 * Verification: r = 2^T mod ℓ and π^ℓ · x^r = y, two exponentiations with
 * 256-bit exponents whatever T is.
 *
 * <p>Elements are taken in Z_N^* / {±1}, represented by the smaller of a and
 * N − a, as Boneh, Bünz and Fisch recommend ("A survey of two verifiable delay
 * functions", 2018, section 6): −1 is an element of known order, and without
 * the quotient (−π, −y) would be a second valid answer. Immutable, thread-safe.
 */
final class Wesolowski {

    /** The most squarings one proof may ask for (the schedule's memory bound holds up to here). */
    static final int MAX_ITERATIONS = 1 << 28;

    private final BigInteger modulus;
    private final BigInteger half;
    private final int width;
    private final BarrettReducer reducer;

    /**
     * The result of an evaluation.
     *
     * @param y     x^(2^T), canonical
     * @param proof π, canonical
     * @param prime ℓ
     */
    record Evaluation(BigInteger y, BigInteger proof, BigInteger prime) {
    }

    Wesolowski(BigInteger modulus) {
        if (modulus.signum() <= 0 || !modulus.testBit(0) || modulus.bitLength() < 16) {
            throw new IllegalArgumentException("the VDF needs an odd modulus of at least 16 bits");
        }
        this.modulus = modulus;
        this.half = modulus.shiftRight(1);
        this.width = Hashing.width(modulus);
        this.reducer = new BarrettReducer(modulus);
    }

    BigInteger modulus() {
        return modulus;
    }

    /** @return the width in bytes of an encoded element */
    int width() {
        return width;
    }

    /** @return a's representative in Z_N^* / {±1}: the smaller of a and N − a */
    BigInteger canonical(BigInteger a) {
        return a.compareTo(half) > 0 ? modulus.subtract(a) : a;
    }

    /** @return whether a is a canonical representative: 0 &lt; a ≤ (N − 1) / 2 */
    boolean isCanonical(BigInteger a) {
        return a.signum() > 0 && a.compareTo(half) <= 0;
    }

    /**
     * Evaluates the VDF and proves the result.
     *
     * @param stopped polled between squaring runs; when true, the evaluation is abandoned
     * @throws ProofException if abandoned or the thread is interrupted
     */
    Evaluation evaluate(BigInteger x, int iterations, BooleanSupplier stopped) throws ProofException {
        checkIterations(iterations);
        SquaringSchedule schedule = SquaringSchedule.forIterations(iterations);
        int spacing = schedule.spacing();
        int needed = schedule.checkpoints(iterations);
        List<BigInteger> checkpoints = new ArrayList<>(needed);
        BigInteger fullStep = BigInteger.ONE.shiftLeft(spacing);
        BigInteger current = x;
        int done = 0;
        while (done < iterations) {
            if (checkpoints.size() < needed && done == checkpoints.size() * spacing) {
                checkpoints.add(current);
            }
            int step = Math.min(spacing, iterations - done);
            current = current.modPow(step == spacing ? fullStep : BigInteger.ONE.shiftLeft(step), modulus);
            done += step;
            if (Thread.currentThread().isInterrupted()) {
                throw new ProofException("proof of time interrupted after " + done + " of " + iterations
                        + " squarings");
            }
            if (stopped.getAsBoolean()) {
                throw new ProofException("proof of time abandoned: the time engine is stopping");
            }
        }
        BigInteger y = canonical(current);
        BigInteger prime = HashToPrime.prime(iterations, x, y, width);
        BigInteger proof = QuotientPower.compute(checkpoints, schedule, iterations, prime, modulus, reducer);
        return new Evaluation(y, canonical(proof), prime);
    }

    /** @return ℓ for the statement (T, x, y) */
    BigInteger prime(int iterations, BigInteger x, BigInteger y) {
        return HashToPrime.prime(iterations, x, y, width);
    }

    /**
     * @return whether π^ℓ · x^(2^T mod ℓ) = ±y, i.e. π proves y = x^(2^T) in Z_N^* / {±1}
     *         (ℓ must be the one derived from the statement: {@link #prime})
     */
    boolean holds(BigInteger x, int iterations, BigInteger y, BigInteger proof, BigInteger prime) {
        BigInteger r = BigInteger.TWO.modPow(BigInteger.valueOf(iterations), prime);
        BigInteger z = reducer.multiply(proof.modPow(prime, modulus), x.modPow(r, modulus));
        return z.equals(y) || z.equals(modulus.subtract(y));
    }

    static void checkIterations(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS + ", not "
                    + iterations);
        }
    }
}
