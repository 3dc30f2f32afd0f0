package network.internet2.hypermesh.proof.work.internal;

/**
 * The work engine's configuration, checked: every refusal names the key to fix
 * in {@code etc/network.internet2.hypermesh.proof.work.cfg}.
 *
 * @param difficultyBits    the difficulty this node proves at
 * @param minDifficultyBits the least difficulty this node accepts in a proof
 * @param maxAttempts       how many hashes a proof may take at most
 * @param maxMillis         how long a proof may take at most
 */
record WorkSettings(int difficultyBits, int minDifficultyBits, long maxAttempts, long maxMillis) {

    /**
     * The most bits one may ask for: 2^48 hashes take one core over a year, and
     * the counter must leave room for 64 times the expected number of attempts.
     */
    static final int MAX_DIFFICULTY_BITS = 48;

    /** The automatic attempt bound is this factor times the expected 2^bits. */
    static final int AUTOMATIC_ATTEMPTS_FACTOR_BITS = 6;

    WorkSettings {
        if (difficultyBits < 1 || difficultyBits > MAX_DIFFICULTY_BITS) {
            throw new IllegalArgumentException("difficulty.bits must be between 1 and " + MAX_DIFFICULTY_BITS
                    + ", not " + difficultyBits);
        }
        if (minDifficultyBits < 1 || minDifficultyBits > difficultyBits) {
            throw new IllegalArgumentException("min.difficulty.bits must be between 1 and difficulty.bits ("
                    + difficultyBits + "), not " + minDifficultyBits
                    + (minDifficultyBits > difficultyBits ? ": this node would refuse its own proofs" : ""));
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max.attempts must be positive (or 0 in the configuration for 64 "
                    + "times the expected work), not " + maxAttempts);
        }
        if (maxMillis < 1) {
            throw new IllegalArgumentException("max.millis must be positive, not " + maxMillis);
        }
    }

    /** Settings from the component configuration, resolving its 0 ("automatic") values. */
    static WorkSettings from(WorkProofEngine.Config config) {
        int difficulty = config.difficulty_bits();
        int minimum = config.min_difficulty_bits() == 0 ? difficulty : config.min_difficulty_bits();
        boolean difficultyValid = difficulty >= 1 && difficulty <= MAX_DIFFICULTY_BITS;
        long attempts = config.max_attempts() != 0 ? config.max_attempts()
                // with an invalid difficulty there is no automatic bound; the constructor refuses the difficulty
                : difficultyValid ? 1L << (difficulty + AUTOMATIC_ATTEMPTS_FACTOR_BITS) : 1;
        return new WorkSettings(difficulty, minimum, attempts, config.max_millis());
    }
}
