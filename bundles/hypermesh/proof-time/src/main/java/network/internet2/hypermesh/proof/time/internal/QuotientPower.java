package network.internet2.hypermesh.proof.time.internal;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * Computes π = x^q mod N for q = floor(2^T / ℓ) from the checkpoints the
 * squaring left, without T more squarings (Wesolowski 2019, section 4.1).
 *
 * <p>Digit j of q in base 2^κ is floor(2^κ · (2^(T − κ(j+1)) mod ℓ) / ℓ): long
 * division of 2^T by ℓ, done on the fly, one digit per step, with the
 * remainder carried in a 256-bit number. Digits whose position ends above bit
 * T are zero because ℓ &gt; 2^κ. Writing j = iγ + k, x^(2^(κj)) is checkpoint
 * C_i = x^(2^(κγi)) raised to 2^(κk), so
 * <pre>
 *   π = ∏_k ( ∏_b ( ∏_{i : digit(iγ+k) = b} C_i )^b )^(2^(κk))
 * </pre>
 * Each pass k multiplies every C_i into the bucket of its digit, combines the
 * buckets with running products (∏_b B_b^b = ∏_b ∏_{b' ≥ b} B_b'), and joins
 * the previous passes by Horner's rule (κ squarings per pass).
 */
final class QuotientPower {

    private QuotientPower() {
    }

    /**
     * @param checkpoints C_0 … C_(m−1) with C_i = x^(2^(κγi)) mod N, m = {@link SquaringSchedule#checkpoints}
     * @param schedule    κ and γ
     * @param iterations  T
     * @param prime       ℓ, larger than 2^κ
     * @param modulus     N
     * @param reducer     multiplication modulo N
     * @return x^floor(2^T / ℓ) mod N
     */
    static BigInteger compute(List<BigInteger> checkpoints, SquaringSchedule schedule, int iterations,
            BigInteger prime, BigInteger modulus, BarrettReducer reducer) {
        int kappa = schedule.digitBits();
        int gamma = schedule.digitsPerCheckpoint();
        int spacing = schedule.spacing();
        int digits = schedule.digits(iterations);
        if (prime.bitLength() <= kappa) {
            throw new IllegalArgumentException("ℓ must be larger than 2^κ");
        }
        if (checkpoints.size() < schedule.checkpoints(iterations)) {
            throw new IllegalArgumentException(schedule.checkpoints(iterations) + " checkpoints needed, "
                    + checkpoints.size() + " given");
        }
        BigInteger squareKappa = BigInteger.ONE.shiftLeft(kappa);
        BigInteger[] buckets = new BigInteger[1 << kappa];
        BigInteger result = null;
        for (int k = gamma - 1; k >= 0; k--) {
            if (result != null) {
                result = result.modPow(squareKappa, modulus);
            }
            Arrays.fill(buckets, null);
            int top = digits - 1 - k;
            if (top >= 0) {
                top /= gamma;
                int exponent = iterations - kappa * (top * gamma + k + 1);
                BigInteger remainder = BigInteger.TWO.modPow(BigInteger.valueOf(exponent), prime);
                for (int i = top; i >= 0; i--) {
                    int digit = remainder.shiftLeft(kappa).divide(prime).intValueExact();
                    if (digit != 0) {
                        buckets[digit] = times(buckets[digit], checkpoints.get(i), reducer);
                    }
                    remainder = remainder.shiftLeft(spacing).mod(prime);
                }
            }
            BigInteger running = null;
            BigInteger pass = null;
            for (int b = buckets.length - 1; b >= 1; b--) {
                running = times(running, buckets[b], reducer);
                pass = times(pass, running, reducer);
            }
            result = times(result, pass, reducer);
        }
        return result == null ? BigInteger.ONE : result;
    }

    /** Multiplies where {@code null} stands for the identity, so that empty buckets cost nothing. */
    private static BigInteger times(BigInteger a, BigInteger b, BarrettReducer reducer) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return reducer.multiply(a, b);
    }
}
