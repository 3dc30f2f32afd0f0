package network.internet2.hypermesh.consensus.benchmark.internal;

import java.util.Locale;

import network.internet2.trustchain.crypto.Algorithms;

/**
 * The engines' settings of one part of the run, and how much of it to measure.
 *
 * @param name             {@link BenchOptions#DEVELOPMENT} or {@link BenchOptions#PRODUCTION}
 * @param workBits         proof-work difficulty.bits
 * @param timeIterations   proof-time iterations (T)
 * @param plotBlocks       proof-space plot.blocks
 * @param fallbackBlocks   plot.blocks if that plot is over the time limit or the disk short (0: none)
 * @param workFactor       proof-space plot.work.factor
 * @param challenges       proof-space challenges
 * @param cacheFromLevel   proof-space merkle.cache.from.level
 * @param plotThreads      proof-space plot.threads
 * @param stakeAlgorithm   proof-stake signature.algorithm
 * @param ops              measured operations per case
 * @param warmUp           operations before measuring, per case
 * @param caseSeconds      time limit of one case, warm-up included
 * @param verifyRepeats    verifications of each proof in the per-engine cases
 * @param plotSeconds      time limit of one plot build
 */
record Profile(String name, int workBits, int timeIterations, long plotBlocks, long fallbackBlocks, int workFactor,
        int challenges, int cacheFromLevel, int plotThreads, String stakeAlgorithm, int ops, int warmUp,
        int caseSeconds, int verifyRepeats, int plotSeconds) {

    /** The engines' configuration defaults (the development settings). */
    static Profile development(BenchOptions options) {
        return new Profile(BenchOptions.DEVELOPMENT, 16, 65_536, 16_384, 0, 2048, 16, 4, 1, Algorithms.ECDSA_P256,
                options.devOps(), options.devWarmUp(), options.devCaseSeconds(), 1, options.plotSeconds());
    }

    /** What the engines' configuration descriptions recommend for production. */
    static Profile production(BenchOptions options) {
        return new Profile(BenchOptions.PRODUCTION, 22, 1 << 20, options.prodBlocks(), options.fallbackBlocks(),
                8192, 16, 4, options.prodPlotThreads(), Algorithms.FALCON_1024, options.prodOps(),
                options.prodWarmUp(), options.prodCaseSeconds(), options.prodVerifyRepeats(), options.plotSeconds());
    }

    String describe() {
        return String.format(Locale.ROOT, "work %d bits; time T=%,d; space %,d blocks x work factor %,d x %d "
                + "challenges (merkle.cache.from.level %d, plot.threads %d); stake %s", workBits, timeIterations,
                plotBlocks, workFactor, challenges, cacheFromLevel, plotThreads, stakeAlgorithm);
    }
}
