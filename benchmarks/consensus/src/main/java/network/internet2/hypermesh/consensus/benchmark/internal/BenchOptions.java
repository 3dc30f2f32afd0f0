package network.internet2.hypermesh.consensus.benchmark.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link ConsensusBenchmark}: {@code --key=value} options, each with a default and a checked
 * range, so that a smoke run can be made tiny ({@code --dev-ops=10 --profiles=development}).
 *
 * @param profiles         which settings run, from {@link #PROFILES}, in that order
 * @param devOps           measured operations per case at the development defaults
 * @param prodOps          measured operations per case at the production settings
 * @param devWarmUp        operations before measuring, per case, at the development defaults
 * @param prodWarmUp       operations before measuring, per case, at the production settings
 * @param devCaseSeconds   time limit of one case at the development defaults, warm-up included
 * @param prodCaseSeconds  time limit of one case at the production settings, warm-up included
 * @param prodVerifyRepeats verifications of each proof in the per-engine cases at production (few proofs there)
 * @param baselineRepeats  ECDSA sign + verify pairs of the baseline after every measured operation
 * @param plotSeconds      time limit of one plot build; a production plot over it is stopped and the fallback built
 * @param prodBlocks       blocks of the production plot (262144: 1 GiB)
 * @param fallbackBlocks   blocks of the production plot when the full one is over the limit or the disk is short
 * @param prodPlotThreads  plot.threads of the production plot (the development default is 1)
 * @param totalSeconds     time limit of the run: profiles not started by then are skipped, and say so
 * @param directory        where the engines' folders and the plot go (a fresh folder inside it, deleted after)
 */
record BenchOptions(List<String> profiles, int devOps, int prodOps, int devWarmUp, int prodWarmUp,
        int devCaseSeconds, int prodCaseSeconds, int prodVerifyRepeats, int baselineRepeats, int plotSeconds,
        long prodBlocks, long fallbackBlocks, int prodPlotThreads, int totalSeconds, Path directory) {

    static final String DEVELOPMENT = "development";
    static final String PRODUCTION = "production";
    static final List<String> PROFILES = List.of(DEVELOPMENT, PRODUCTION);

    static final String USAGE = String.join("\n",
            "usage: java -jar consensus-benchmarks.jar [--key=value ...]",
            "  --profiles=development,production  which settings run",
            "  --dev-ops=200            measured operations per case at the development defaults",
            "  --prod-ops=30            measured operations per case at the production settings",
            "  --dev-warm-up=20         unmeasured operations first, per case (development)",
            "  --prod-warm-up=3         unmeasured operations first, per case (production)",
            "  --dev-case-seconds=90    time limit of one case (development), warm-up included",
            "  --prod-case-seconds=240  time limit of one case (production), warm-up included",
            "  --prod-verify-repeats=5  verifications of each proof in the per-engine cases (production)",
            "  --baseline-repeats=3     ECDSA sign + verify pairs after every measured operation",
            "  --plot-seconds=180       time limit of a plot build; a production plot over it falls back",
            "  --prod-blocks=262144     blocks of the production plot (1 GiB)",
            "  --fallback-blocks=65536  production plot blocks if the full plot is over the limit or the disk short",
            "  --prod-plot-threads=2    plot.threads of the production plot",
            "  --total-seconds=1800     time limit of the run; profiles not started by then are skipped",
            "  --dir=<tmpdir>           folder for the engines' files and the plot (a fresh folder, deleted after)");

    static BenchOptions defaults() {
        return new BenchOptions(PROFILES, 200, 30, 20, 3, 90, 240, 5, 3, 180, 262_144, 65_536, 2, 1800,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @throws IllegalArgumentException naming the bad option and what it accepts */
    static BenchOptions parse(String[] args) {
        BenchOptions options = defaults();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("'" + arg + "' is not of the form --key=value");
            }
            options = options.with(arg.substring(2, equals), arg.substring(equals + 1).strip());
        }
        return options;
    }

    private BenchOptions with(String key, String value) {
        List<String> p = profiles;
        int dOps = devOps;
        int pOps = prodOps;
        int dWarm = devWarmUp;
        int pWarm = prodWarmUp;
        int dCase = devCaseSeconds;
        int pCase = prodCaseSeconds;
        int repeats = prodVerifyRepeats;
        int baseline = baselineRepeats;
        int plot = plotSeconds;
        long blocks = prodBlocks;
        long fallback = fallbackBlocks;
        int threads = prodPlotThreads;
        int total = totalSeconds;
        Path dir = directory;
        switch (key) {
            case "profiles" -> p = profileList(value);
            case "dev-ops" -> dOps = number(key, value, 1, 100_000);
            case "prod-ops" -> pOps = number(key, value, 1, 10_000);
            case "dev-warm-up" -> dWarm = number(key, value, 0, 10_000);
            case "prod-warm-up" -> pWarm = number(key, value, 0, 1_000);
            case "dev-case-seconds" -> dCase = number(key, value, 1, 3600);
            case "prod-case-seconds" -> pCase = number(key, value, 1, 3600);
            case "prod-verify-repeats" -> repeats = number(key, value, 1, 100);
            case "baseline-repeats" -> baseline = number(key, value, 1, 100);
            case "plot-seconds" -> plot = number(key, value, 1, 7200);
            case "prod-blocks" -> blocks = number(key, value, 1024, 4_194_304);
            case "fallback-blocks" -> fallback = number(key, value, 0, 4_194_304);
            case "prod-plot-threads" -> threads = number(key, value, 1, 64);
            case "total-seconds" -> total = number(key, value, 10, 7200);
            case "dir" -> dir = Path.of(value);
            default -> throw new IllegalArgumentException("unknown option --" + key);
        }
        return new BenchOptions(p, dOps, pOps, dWarm, pWarm, dCase, pCase, repeats, baseline, plot, blocks, fallback,
                threads, total, dir);
    }

    private static int number(String key, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + "=" + value + ": not a number");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("--" + key + "=" + value + ": must be between " + min + " and " + max);
        }
        return parsed;
    }

    private static List<String> profileList(String value) {
        List<String> chosen = new ArrayList<>();
        for (String item : value.split(",")) {
            String name = item.strip().toLowerCase(Locale.ROOT);
            if (!PROFILES.contains(name)) {
                throw new IllegalArgumentException("--profiles: '" + name + "' is not one of " + PROFILES);
            }
            if (!chosen.contains(name)) {
                chosen.add(name);
            }
        }
        return PROFILES.stream().filter(chosen::contains).toList();
    }
}
