package network.internet2.hypermesh.consensus.benchmark.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.assets.internal.BenchRegistry;
import network.internet2.hypermesh.consensus.internal.BenchConsensus;
import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.ConsensusStatus;
import network.internet2.hypermesh.proof.ConsensusStatus.Timing;
import network.internet2.hypermesh.proof.Operation;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.hypermesh.proof.space.PlotStatus.Phase;
import network.internet2.hypermesh.proof.space.PlotStatus.Snapshot;
import network.internet2.hypermesh.proof.space.internal.BenchSpace;
import network.internet2.hypermesh.proof.stake.internal.BenchStake;
import network.internet2.hypermesh.proof.time.internal.BenchTime;
import network.internet2.hypermesh.proof.work.internal.BenchWork;
import network.internet2.hypermesh.storage.internal.BenchStorage;
import network.internet2.hypermesh.storage.internal.StorageAssetAdapter;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.classical.internal.ClassicalCryptoSuite;
import network.internet2.trustchain.crypto.pq.internal.PostQuantumCryptoSuite;

/**
 * Four-proof consensus, measured with the real engines and the real crypto, at the development defaults and at
 * production settings. Per setting: the proof-space plot is built (timed); then, per engine, prove and verify of
 * challenges derived as the consensus service derives them; then the whole consensus proof through
 * {@code ConsensusCore} (the four engines, signed with an ECDSA P-256 node certificate, the chain checked on
 * validation): prove, decode and validate as a receiving node does, and the encoded size. After every measured
 * operation the baseline runs: a bare ECDSA P-256 sign and verify (the node's key, the consensus signature's exact
 * path) of the encoded consensus proof, so that the ratios come from the same minutes of this noisy machine. Every
 * case is bounded in operations and in time; the run in time. Nothing touches the network.
 */
public final class ConsensusBenchmark {

    static final String NODE = "node1.internet2.network";
    /** The seed's target for validating a four-proof consensus proof. */
    static final double SEED_TARGET_MS = 100;
    /** The aim: single-digit milliseconds of verification. */
    static final double SINGLE_DIGIT_MS = 10;
    static final List<String> TYPES = List.of(ProofEngine.WORK, ProofEngine.TIME, ProofEngine.SPACE,
            ProofEngine.STAKE);
    private static final long MIB = 1 << 20;
    private static final byte[] PAYLOAD = "kind=memory\namount=4096\nlease.seconds=3600\n"
            .getBytes(StandardCharsets.UTF_8);

    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    /** One engine alone. */
    static final class EngineFigure {
        final String type;
        final Samples prove = new Samples();
        final Samples verify = new Samples();
        int proofBytes;
        boolean capped;
        String failure;

        EngineFigure(String type) {
            this.type = type;
        }
    }

    /** The whole consensus proof. */
    static final class ConsensusFigure {
        final Samples prove = new Samples();
        final Samples decode = new Samples();
        final Samples validate = new Samples();
        final Map<String, Integer> partBytes = new LinkedHashMap<>();
        int encodedBytes;
        ConsensusStatus status;
        boolean capped;
        String failure;
    }

    /** One plot build. */
    record PlotFigure(long blocks, long bytes, int workFactor, int threads, double seconds, long blocksBuilt,
            String failure) {

        boolean ok() {
            return failure == null;
        }

        String describe() {
            double hashes = (double) blocksBuilt * workFactor;
            String rate = seconds > 0 ? String.format(Locale.ROOT, "%.1f MiB/s of blocks, %.1f M hashes/s",
                    blocksBuilt * 4096.0 / MIB / seconds, hashes / 1e6 / seconds) : "";
            if (!ok()) {
                return String.format(Locale.ROOT, "%,d blocks x work factor %,d, plot.threads %d: %s (%s)", blocks,
                        workFactor, threads, failure, rate);
            }
            return String.format(Locale.ROOT, "%,d blocks x work factor %,d (%,.1f MiB in storage with leaf hashes), "
                    + "plot.threads %d: built in %.1f s (%s)", blocks, workFactor, bytes / (double) MIB, threads,
                    seconds, rate);
        }
    }

    /** Everything measured at one setting. */
    static final class ProfileResult {
        final Profile profile;
        final List<PlotFigure> plots = new ArrayList<>();
        final Map<String, EngineFigure> engines = new LinkedHashMap<>();
        final ConsensusFigure consensus = new ConsensusFigure();
        final Samples sign = new Samples();
        final Samples verify = new Samples();
        final Samples pair = new Samples();
        final Samples bcSign = new Samples();
        final Samples bcVerify = new Samples();
        final Samples bcPair = new Samples();
        long baselineBytes;
        long baselineSamplesBytes;
        int chainBytes;
        String plotNote;
        String failure;
        String skipped;
        String loadBefore;
        String loadAfter;
        double seconds;

        ProfileResult(Profile profile) {
            this.profile = profile;
        }

        PlotFigure plot() {
            return plots.stream().filter(PlotFigure::ok).findFirst().orElse(null);
        }
    }

    private final BenchOptions options;
    private final CryptoSuite classical = new ClassicalCryptoSuite();
    private final CryptoSuite postQuantum = new PostQuantumCryptoSuite();

    private ConsensusBenchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        boolean ok = new ConsensusBenchmark(options).run();
        System.exit(ok ? 0 : 1);
    }

    private boolean run() throws Exception {
        Instant started = Instant.now();
        long deadline = System.nanoTime() + Duration.ofSeconds(options.totalSeconds()).toNanos();
        OUT.printf(Locale.ROOT, "HyperMesh four-proof consensus benchmark, %s, %d cores (%s), Java %s, load average "
                + "%s%n", started.truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                ProcessFacts.cpu(), System.getProperty("java.version"), ProcessFacts.loadAverage());
        OUT.printf(Locale.ROOT, "ECDSA provider of the consensus signature: %s; every case at most its operations and its time limit; the run "
                + "at most %d s%n", BenchConsensus.signatureProvider(), options.totalSeconds());
        List<ProfileResult> results = new ArrayList<>();
        for (String name : options.profiles()) {
            Profile profile = BenchOptions.DEVELOPMENT.equals(name) ? Profile.development(options)
                    : Profile.production(options);
            ProfileResult result = new ProfileResult(profile);
            results.add(result);
            if (System.nanoTime() > deadline) {
                result.skipped = "not started: the run's time limit (--total-seconds=" + options.totalSeconds()
                        + ") was reached";
                continue;
            }
            OUT.printf(Locale.ROOT, "%n== %s: %s%n", profile.name(), profile.describe());
            long t0 = System.nanoTime();
            result.loadBefore = ProcessFacts.loadAverage();
            try {
                runProfile(result);
            } catch (Exception | AssertionError e) {
                result.failure = e.toString();
                e.printStackTrace(OUT);
            }
            result.loadAfter = ProcessFacts.loadAverage();
            result.seconds = (System.nanoTime() - t0) / 1e9;
            printDetail(result);
        }
        String memory = ProcessFacts.memoryLine();
        OUT.println();
        OUT.println(summary(started, results));
        OUT.println(memory);
        return results.stream().allMatch(r -> r.failure == null && r.skipped == null
                && r.engines.values().stream().allMatch(e -> e.failure == null) && r.consensus.failure == null);
    }

    private void runProfile(ProfileResult result) throws Exception {
        Profile profile = result.profile;
        Files.createDirectories(options.directory());
        Path root = Files.createTempDirectory(options.directory(), "consensus-" + profile.name() + "-");
        long storageBytes = BenchSpace.allocationBytes(profile.plotBlocks())
                + (profile.fallbackBlocks() > 0 ? BenchSpace.allocationBytes(profile.fallbackBlocks()) : 0) + 64 * MIB;
        StorageAssetAdapter storage = BenchStorage.open(root.resolve("storage"), storageBytes);
        AssetRegistry registry = BenchRegistry.open(root.resolve("registry"), storage);
        List<Runnable> stops = new ArrayList<>();
        try {
            ProofEngine space = plot(result, root, storage, registry, stops);
            if (space == null) {
                result.failure = "no plot: " + result.plots.get(result.plots.size() - 1).failure();
                return;
            }
            ProofEngine time = BenchTime.start(profile.timeIterations(), root.resolve("proof-time"), classical);
            stops.add(() -> BenchTime.stop(time));
            ProofEngine stake = BenchStake.start(root.resolve("proof-stake"), profile.stakeAlgorithm(), NODE, 5000,
                    classical, postQuantum);
            stops.add(() -> {
                try {
                    BenchStake.stop(stake);
                } catch (IOException e) {
                    OUT.println("closing the stake ledger failed: " + e);
                }
            });
            ProofEngine work = BenchWork.start(profile.workBits());
            stops.add(() -> BenchWork.stop(work));
            Map<String, ProofEngine> engines = new LinkedHashMap<>();
            engines.put(ProofEngine.WORK, work);
            engines.put(ProofEngine.TIME, time);
            engines.put(ProofEngine.SPACE, space);
            engines.put(ProofEngine.STAKE, stake);
            BenchConsensus consensus = BenchConsensus.create(NODE, engines);
            result.chainBytes = consensus.chainBytes();

            // one consensus proof first: it must hold, and its encoding is the baseline's bytes in the engine cases
            Operation first = operation("first");
            ConsensusProof sample = consensus.prove(first);
            Verdict verdict = consensus.validate(first, consensus.decode(sample.encoded()));
            if (!verdict.valid()) {
                throw new IllegalStateException("the first consensus proof is refused: " + verdict.reason());
            }
            byte[] baselineBytes = sample.encoded();
            result.baselineBytes = baselineBytes.length;
            for (String type : TYPES) {
                EngineFigure figure = engineCase(result, consensus, engines.get(type), baselineBytes);
                result.engines.put(type, figure);
                OUT.printf(Locale.ROOT, "[%s] %-5s n=%d prove p50 %s p99 %s, verify p50 %s p99 %s (n=%d), proof %,d "
                        + "bytes%s%n", profile.name(), type, figure.prove.count(), Samples.ms(figure.prove.p50()),
                        Samples.ms(figure.prove.p99()), Samples.ms(figure.verify.p50()),
                        Samples.ms(figure.verify.p99()), figure.verify.count(), figure.proofBytes,
                        figure.failure != null ? "; FAILED: " + figure.failure
                                : figure.capped ? " [time limit reached]" : "");
            }
            consensusCase(result, consensus);
            ConsensusFigure c = result.consensus;
            OUT.printf(Locale.ROOT, "[%s] consensus n=%d prove p50 %s p99 %s, validate p50 %s p99 %s, %,d bytes%s%n",
                    profile.name(), c.prove.count(), Samples.ms(c.prove.p50()), Samples.ms(c.prove.p99()),
                    Samples.ms(c.validate.p50()), Samples.ms(c.validate.p99()), c.encodedBytes,
                    c.failure != null ? "; FAILED: " + c.failure : c.capped ? " [time limit reached]" : "");
        } finally {
            for (int i = stops.size() - 1; i >= 0; i--) {
                stops.get(i).run();
            }
            BenchRegistry.close(registry);
            BenchStorage.close(storage);
            deleteTree(root);
        }
    }

    /**
     * Builds the plot, timed from the engine's start (allocation, generation, writing, flushing, root
     * registration) to its READY. A production plot over the time limit, or one the disk has no room for, is
     * stopped (its allocation released) and the fallback size built instead; both are reported.
     */
    private ProofEngine plot(ProfileResult result, Path root, StorageAssetAdapter storage,
            AssetRegistry registry, List<Runnable> stops) throws Exception {
        Profile profile = result.profile;
        long blocks = profile.plotBlocks();
        long usable = Files.getFileStore(root).getUsableSpace();
        if (profile.fallbackBlocks() > 0 && usable / 2 < BenchSpace.allocationBytes(blocks) + 256 * MIB) {
            result.plotNote = String.format(Locale.ROOT, "the disk is short (%,d MiB usable): %,d blocks instead of "
                    + "%,d", usable / MIB, profile.fallbackBlocks(), blocks);
            blocks = profile.fallbackBlocks();
        }
        while (true) {
            Duration limit = Duration.ofSeconds(profile.plotSeconds());
            long t0 = System.nanoTime();
            ProofEngine engine = BenchSpace.start(NODE, blocks, profile.workFactor(), profile.challenges(),
                    profile.cacheFromLevel(), profile.plotThreads(), root.resolve("proof-space-" + blocks),
                    storage, registry);
            Snapshot snapshot = BenchSpace.awaitReadyOrFailed(engine, limit);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long bytes = BenchSpace.allocationBytes(blocks);
            if (snapshot.phase() == Phase.READY) {
                PlotFigure figure = new PlotFigure(blocks, bytes, profile.workFactor(), profile.plotThreads(),
                        seconds, blocks, null);
                result.plots.add(figure);
                OUT.printf(Locale.ROOT, "[%s] plot %s%n", profile.name(), figure.describe());
                stops.add(() -> BenchSpace.stop(engine));
                return engine;
            }
            String why = snapshot.phase() == Phase.FAILED ? "plotting failed: " + snapshot.detail()
                    : String.format(Locale.ROOT, "not ready within the %d s limit (%,d of %,d blocks built)",
                            profile.plotSeconds(), snapshot.blocksBuilt(), blocks);
            PlotFigure figure = new PlotFigure(blocks, bytes, profile.workFactor(), profile.plotThreads(), seconds,
                    snapshot.blocksBuilt(), why);
            result.plots.add(figure);
            OUT.printf(Locale.ROOT, "[%s] plot %s%n", profile.name(), figure.describe());
            BenchSpace.stop(engine);
            String allocation = BenchSpace.snapshot(engine).allocationId();
            if (allocation != null) {
                try {
                    registry.release(allocation, "proof-space");
                } catch (Exception e) {
                    OUT.println("releasing the unfinished plot's allocation failed: " + e);
                }
            }
            if (profile.fallbackBlocks() == 0 || blocks == profile.fallbackBlocks()) {
                return null;
            }
            result.plotNote = String.format(Locale.ROOT, "the %,d-block plot was not ready within %d s: %,d blocks "
                    + "instead", blocks, profile.plotSeconds(), profile.fallbackBlocks());
            blocks = profile.fallbackBlocks();
        }
    }

    private EngineFigure engineCase(ProfileResult result, BenchConsensus consensus, ProofEngine engine,
            byte[] baselineBytes) {
        Profile profile = result.profile;
        EngineFigure figure = new EngineFigure(engine.type());
        long deadline = System.nanoTime() + Duration.ofSeconds(profile.caseSeconds()).toNanos();
        for (int i = -profile.warmUp(); i < profile.ops(); i++) {
            if (System.nanoTime() > deadline) {
                figure.capped = true;
                break;
            }
            Challenge challenge = consensus.challenge(engine.type());
            Proof proof;
            long t0 = System.nanoTime();
            try {
                proof = engine.prove(challenge);
            } catch (Exception e) {
                figure.failure = "prove: " + e.getMessage();
                return figure;
            }
            long proved = System.nanoTime() - t0;
            for (int r = 0; r < profile.verifyRepeats(); r++) {
                long v0 = System.nanoTime();
                Verdict verdict = engine.verify(challenge, proof);
                long verified = System.nanoTime() - v0;
                if (!verdict.valid()) {
                    figure.failure = "its own proof is refused: " + verdict.reason();
                    return figure;
                }
                if (i >= 0) {
                    figure.verify.add(verified);
                }
            }
            if (i >= 0) {
                figure.prove.add(proved);
                figure.proofBytes = proof.encoded().length;
            }
            baseline(result, consensus, baselineBytes, i >= 0);
        }
        return figure;
    }

    private void consensusCase(ProfileResult result, BenchConsensus consensus) {
        Profile profile = result.profile;
        ConsensusFigure figure = result.consensus;
        long deadline = System.nanoTime() + Duration.ofSeconds(profile.caseSeconds()).toNanos();
        for (int i = -profile.warmUp(); i < profile.ops(); i++) {
            if (System.nanoTime() > deadline) {
                figure.capped = true;
                break;
            }
            if (i == 0) {
                consensus.reset(); // the core's own timings from here on cover the measured operations only
            }
            Operation operation = operation("op-" + i);
            ConsensusProof proof;
            ConsensusProof received;
            long t0 = System.nanoTime();
            try {
                proof = consensus.prove(operation);
            } catch (Exception e) {
                figure.failure = "prove: " + e.getMessage();
                return;
            }
            long t1 = System.nanoTime();
            try {
                received = consensus.decode(proof.encoded());
            } catch (Exception e) {
                figure.failure = "decode: " + e.getMessage();
                return;
            }
            long t2 = System.nanoTime();
            Verdict verdict = consensus.validate(operation, received);
            long t3 = System.nanoTime();
            if (!verdict.valid()) {
                figure.failure = "its own proof is refused: " + verdict.reason();
                return;
            }
            if (i >= 0) {
                figure.prove.add(t1 - t0);
                figure.decode.add(t2 - t1);
                figure.validate.add(t3 - t2);
                figure.encodedBytes = proof.encoded().length;
                for (Proof part : proof.proofs()) {
                    figure.partBytes.put(part.type(), part.encoded().length);
                }
                figure.partBytes.put("signature", proof.signature().length);
            }
            baseline(result, consensus, proof.encoded(), i >= 0);
        }
        figure.status = consensus.status();
    }

    /**
     * The same-run baseline: the node's ECDSA P-256 key signing and verifying {@code bytes} the way consensus signs
     * (the JDK's default provider); then, for comparison, the same key and bytes through the classical crypto
     * suite (its own BouncyCastle provider), which the time and stake engines sign with.
     */
    private void baseline(ProfileResult result, BenchConsensus consensus, byte[] bytes, boolean measured) {
        for (int r = 0; r < options.baselineRepeats(); r++) {
            try {
                long t0 = System.nanoTime();
                byte[] signature = consensus.signBare(bytes);
                long t1 = System.nanoTime();
                boolean holds = consensus.verifyBare(bytes, signature);
                long t2 = System.nanoTime();
                byte[] bcSignature = classical.sign(Algorithms.ECDSA_P256, consensus.nodePrivateKey(), bytes);
                long t3 = System.nanoTime();
                boolean bcHolds = classical.verify(Algorithms.ECDSA_P256, consensus.nodePublicKey(), bytes,
                        bcSignature);
                long t4 = System.nanoTime();
                if (!holds || !bcHolds) {
                    throw new IllegalStateException("the baseline's own signature does not verify");
                }
                if (measured) {
                    result.sign.add(t1 - t0);
                    result.verify.add(t2 - t1);
                    result.pair.add(t2 - t0);
                    result.bcSign.add(t3 - t2);
                    result.bcVerify.add(t4 - t3);
                    result.bcPair.add(t4 - t2);
                    result.baselineSamplesBytes += bytes.length;
                }
            } catch (Exception e) {
                throw new IllegalStateException("the ECDSA baseline failed: " + e.getMessage(), e);
            }
        }
    }

    private static Operation operation(String subject) {
        return new Operation("asset.allocate", subject, PAYLOAD);
    }

    private void printDetail(ProfileResult result) {
        Profile profile = result.profile;
        OUT.printf(Locale.ROOT, "%n-- %s detail (%.0f s; load average %s at the start, %s at the end)%n",
                profile.name(), result.seconds, result.loadBefore, result.loadAfter);
        if (result.failure != null) {
            OUT.println("FAILED: " + result.failure);
        }
        ConsensusStatus status = result.consensus.status;
        if (status == null) {
            return;
        }
        OUT.println("ConsensusCore's own timings over the measured operations (p50 / p99 / max):");
        for (String name : Stream.concat(TYPES.stream(), Stream.of("consensus")).toList()) {
            Timing prove = status.proveTimings().get(name);
            Timing verify = status.verifyTimings().get(name);
            OUT.printf(Locale.ROOT, "  %-9s prove %s / %s / %s; verify %s / %s / %s%n", name,
                    prove == null ? "-" : Samples.ms(prove.p50Millis()), prove == null ? "-"
                            : Samples.ms(prove.p99Millis()), prove == null ? "-" : Samples.ms(prove.maxMillis()),
                    verify == null ? "-" : Samples.ms(verify.p50Millis()), verify == null ? "-"
                            : Samples.ms(verify.p99Millis()), verify == null ? "-" : Samples.ms(verify.maxMillis()));
        }
        OUT.printf(Locale.ROOT, "  refusals: %s; proved %d, validated %d%n", status.refusals(), status.proved(),
                status.validated());
    }

    private String summary(Instant started, List<ProfileResult> results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "== SUMMARY: HyperMesh four-proof consensus, %s, %d cores, real engines "
                + "and crypto, one JVM, no network%n", started.truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors()));
        for (ProfileResult r : results) {
            Profile p = r.profile;
            s.append(String.format(Locale.ROOT, "%n%s: %s%n", p.name(), p.describe()));
            if (r.skipped != null) {
                s.append("  SKIPPED: ").append(r.skipped).append('\n');
                continue;
            }
            s.append(String.format(Locale.ROOT, "  %.0f s, load average %s -> %s; %d measured operations per case "
                    + "(after %d warm-up), at most %d s per case%n", r.seconds, r.loadBefore, r.loadAfter, p.ops(),
                    p.warmUp(), p.caseSeconds()));
            for (PlotFigure plot : r.plots) {
                s.append("  plot: ").append(plot.describe()).append('\n');
            }
            if (r.plotNote != null) {
                s.append("  NOTE: ").append(r.plotNote).append('\n');
            }
            if (r.failure != null) {
                s.append("  FAILED: ").append(r.failure).append('\n');
            }
            double signP50 = r.sign.p50();
            double verifyP50 = r.verify.p50();
            s.append(String.format(Locale.ROOT, "  %-10s %5s %11s %11s %11s %11s %9s %20s%n", "engine", "n",
                    "prove p50", "prove p99", "verify p50", "verify p99", "bytes", "verify ÷ ECDSA verify"));
            for (EngineFigure e : r.engines.values()) {
                s.append(String.format(Locale.ROOT, "  %-10s %5d %11s %11s %11s %11s %,9d %20s%s%n", e.type,
                        e.prove.count(), Samples.ms(e.prove.p50()), Samples.ms(e.prove.p99()),
                        Samples.ms(e.verify.p50()), Samples.ms(e.verify.p99()), e.proofBytes,
                        Samples.ratio(e.verify.p50() / verifyP50),
                        e.failure != null ? "  FAILED: " + e.failure : e.capped ? "  [time limit]" : ""));
                if (e.verify.count() != e.prove.count()) {
                    s.append(String.format(Locale.ROOT, "  %-10s (verify n=%d: each proof verified %d times)%n", "",
                            e.verify.count(), p.verifyRepeats()));
                }
            }
            ConsensusFigure c = r.consensus;
            s.append(String.format(Locale.ROOT, "  %-10s %5d %11s %11s %11s %11s %,9d %20s%s%n", "CONSENSUS",
                    c.prove.count(), Samples.ms(c.prove.p50()), Samples.ms(c.prove.p99()),
                    Samples.ms(c.validate.p50()), Samples.ms(c.validate.p99()), c.encodedBytes,
                    Samples.ratio(c.validate.p50() / verifyP50),
                    c.failure != null ? "  FAILED: " + c.failure : c.capped ? "  [time limit]" : ""));
            if (c.validate.count() > 0) {
                StringBuilder parts = new StringBuilder(String.format(Locale.ROOT, "certificate chain %,d",
                        r.chainBytes));
                c.partBytes.forEach((name, bytes) -> parts.append(String.format(Locale.ROOT, ", %s %,d", name,
                        bytes)));
                s.append(String.format(Locale.ROOT, "  %-10s encoded %,d bytes: %s; a receiver's decode before "
                        + "validate p50 %s%n", "", c.encodedBytes, parts, Samples.ms(c.decode.p50())));
            }
            if (c.status != null) {
                StringBuilder inside = new StringBuilder();
                double sum = 0;
                String dominant = null;
                double dominantP50 = -1;
                for (String type : TYPES) {
                    Timing t = c.status.verifyTimings().get(type);
                    if (t == null) {
                        continue;
                    }
                    sum += t.p50Millis();
                    if (t.p50Millis() > dominantP50) {
                        dominantP50 = t.p50Millis();
                        dominant = type;
                    }
                    inside.append(String.format(Locale.ROOT, "%s %s / %s, ", type, Samples.ms(t.p50Millis()),
                            Samples.ms(t.p99Millis())));
                }
                Timing whole = c.status.verifyTimings().get("consensus");
                if (whole != null) {
                    inside.append(String.format(Locale.ROOT, "the rest (decode, chain check, node signature, replay) "
                            + "~%s", Samples.ms(Math.max(0, whole.p50Millis() - sum))));
                    s.append(String.format(Locale.ROOT, "  %-10s inside validate (p50 / p99): %s%n", "", inside));
                    s.append(String.format(Locale.ROOT, "  %-10s %s dominates validation: %.0f%% of the p50%n", "",
                            dominant, 100 * dominantP50 / whole.p50Millis()));
                }
                StringBuilder proving = new StringBuilder();
                for (String type : TYPES) {
                    Timing t = c.status.proveTimings().get(type);
                    if (t != null) {
                        proving.append(String.format(Locale.ROOT, "%s%s %s / %s", proving.length() == 0 ? "" : ", ",
                                type, Samples.ms(t.p50Millis()), Samples.ms(t.p99Millis())));
                    }
                }
                s.append(String.format(Locale.ROOT, "  %-10s inside prove (p50 / p99): %s%n", "", proving));
            }
            s.append(String.format(Locale.ROOT, "  baseline, interleaved (%d pairs, %,d bytes on average: the encoded "
                    + "consensus proof): ECDSA P-256 sign p50 %s p99 %s, verify p50 %s p99 %s, sign+verify p50 %s%n",
                    r.sign.count(), r.sign.count() == 0 ? 0 : r.baselineSamplesBytes / r.sign.count(),
                    Samples.ms(signP50), Samples.ms(r.sign.p99()), Samples.ms(verifyP50), Samples.ms(r.verify.p99()),
                    Samples.ms(r.pair.p50())));
            s.append(String.format(Locale.ROOT, "  the same key and bytes through the classical suite (BouncyCastle): "
                    + "sign p50 %s p99 %s, verify p50 %s p99 %s, sign+verify p50 %s (the default provider ÷ it: sign "
                    + "%s, verify %s)%n", Samples.ms(r.bcSign.p50()), Samples.ms(r.bcSign.p99()),
                    Samples.ms(r.bcVerify.p50()), Samples.ms(r.bcVerify.p99()), Samples.ms(r.bcPair.p50()),
                    Samples.ratio(signP50 / r.bcSign.p50()), Samples.ratio(verifyP50 / r.bcVerify.p50())));
            if (c.validate.count() > 0) {
                double validateP99 = c.validate.p99();
                s.append(String.format(Locale.ROOT, "  ratios: consensus prove p50 ÷ ECDSA sign p50 %s; validate p50 "
                        + "÷ ECDSA verify p50 %s; validate p50 ÷ ECDSA sign+verify p50 %s%n",
                        Samples.ratio(c.prove.p50() / signP50), Samples.ratio(c.validate.p50() / verifyP50),
                        Samples.ratio(c.validate.p50() / r.pair.p50())));
                s.append(String.format(Locale.ROOT, "  seed target 100 ms: validate p99 ÷ 100 ms %s (%s); %d of %d "
                        + "validations over 100 ms (the node's default validation.timeout.ms would refuse them)%n",
                        Samples.ratio(validateP99 / SEED_TARGET_MS), validateP99 <= SEED_TARGET_MS ? "met" : "MISSED",
                        c.validate.over(SEED_TARGET_MS), c.validate.count()));
                s.append(String.format(Locale.ROOT, "  aim single-digit ms: validate p99 ÷ 10 ms %s (%s), p50 ÷ 10 ms "
                        + "%s (%s)%n", Samples.ratio(validateP99 / SINGLE_DIGIT_MS),
                        validateP99 < SINGLE_DIGIT_MS ? "met" : "missed", Samples.ratio(c.validate.p50()
                                / SINGLE_DIGIT_MS), c.validate.p50() < SINGLE_DIGIT_MS ? "met" : "missed"));
            }
        }
        return s.toString().stripTrailing();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            OUT.println("could not delete " + root + " (" + e.getMessage() + "); delete it by hand");
        }
    }
}
