package network.internet2.hypermesh.proof.time.internal;

/**
 * How the prover splits its work between remembering intermediate squares and
 * combining them into π (Wesolowski 2019, section 4.1): the quotient
 * q = floor(2^T / ℓ) is read in digits of κ bits, and every γ-th digit
 * position has a checkpoint x^(2^(κγi)) stored while squaring. π then costs
 * about T/κ multiplications into 2^κ buckets plus γ · 2^(κ+1) to combine
 * them, instead of the T squarings of computing x^q directly, and memory for
 * T/(κγ) elements.
 *
 * @param digitBits          κ, 1 to {@value #MAX_DIGIT_BITS}
 * @param digitsPerCheckpoint γ, at least 1
 */
record SquaringSchedule(int digitBits, int digitsPerCheckpoint) {

    static final int MAX_DIGIT_BITS = 16;
    /** Checkpoints kept at most: 2048-bit elements, about 5 MB. */
    static final int MAX_CHECKPOINTS = 1 << 14;
    private static final int MAX_GAMMA = 1 << 12;

    // Costs measured on the development VM (JDK 17, 2048-bit modulus), in microseconds:
    // one BigInteger.modPow call's fixed overhead (conversion to Montgomery form, window
    // table), one Barrett multiplication, one digit of the quotient, one Montgomery
    // squaring inside modPow. Only their ratios matter.
    private static final double CALL = 40;
    private static final double MULTIPLY = 5;
    private static final double DIGIT = 0.3;
    private static final double SQUARE = 1.6;

    SquaringSchedule {
        if (digitBits < 1 || digitBits > MAX_DIGIT_BITS || digitsPerCheckpoint < 1) {
            throw new IllegalArgumentException("no schedule with κ = " + digitBits + ", γ = " + digitsPerCheckpoint);
        }
    }

    /** @return κγ, the number of squarings between two checkpoints */
    int spacing() {
        return digitBits * digitsPerCheckpoint;
    }

    /** @return how many κ-bit digits of q can be nonzero: those whose positions end at or below bit T */
    int digits(int iterations) {
        return iterations / digitBits;
    }

    /** @return how many checkpoints the digits use */
    int checkpoints(int iterations) {
        int digits = digits(iterations);
        return digits == 0 ? 0 : (digits - 1) / digitsPerCheckpoint + 1;
    }

    /** @return the schedule this machine runs fastest for {@code iterations} within the memory bound */
    static SquaringSchedule forIterations(int iterations) {
        SquaringSchedule best = null;
        double bestCost = Double.MAX_VALUE;
        for (int kappa = 1; kappa <= MAX_DIGIT_BITS; kappa++) {
            for (int gamma = 1; gamma <= MAX_GAMMA; gamma++) {
                SquaringSchedule candidate = new SquaringSchedule(kappa, gamma);
                if (candidate.checkpoints(iterations) > MAX_CHECKPOINTS) {
                    continue;
                }
                double cost = candidate.cost(iterations);
                if (cost < bestCost) {
                    best = candidate;
                    bestCost = cost;
                }
            }
        }
        return best;
    }

    /** @return the estimated cost of proving beyond the T squarings themselves */
    double cost(int iterations) {
        double calls = Math.ceil((double) iterations / spacing());
        double digits = digits(iterations);
        return calls * CALL + digits * (MULTIPLY + DIGIT)
                + digitsPerCheckpoint * ((2 << digitBits) * MULTIPLY + digitBits * SQUARE + CALL);
    }
}
