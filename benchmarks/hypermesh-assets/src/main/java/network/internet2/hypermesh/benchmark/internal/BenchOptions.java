package network.internet2.hypermesh.benchmark.internal;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@link HyperMeshAssetsBenchmark}: {@code --key=value} options, each with a default and a
 * checked range, so that a smoke run can be made tiny ({@code --rounds=1 --small-ops=100 --large-ops=10}).
 *
 * @param rounds       measured rounds per case, after one warm-up round of a quarter of the operations
 * @param caseSeconds  time limit of one case, warm-up included; a round cut by it counts what it did
 * @param totalSeconds time limit of the whole run: cases not started by then are skipped, and say so
 * @param registryOps  allocate + release pairs per round through the registry (and the fsync floor)
 * @param adapterOps   allocate + release pairs per round through the memory adapter alone
 * @param smallOps     4 KiB reads, writes or echoes per round, and compare-and-swaps
 * @param largeOps     1 MiB reads, writes or echoes per round
 * @param callers      callers of the concurrent cases
 * @param grown        ended allocations in the journal of the grown-registry case
 * @param directory    where the registry journals and the fsync floor's file go (a fresh folder inside it)
 * @param memoryBase   the tmpfs folder the memory regions go in (the node's default: /dev/shm)
 * @param cases        which groups of cases run, from {@link #CASES}
 */
record BenchOptions(int rounds, int caseSeconds, int totalSeconds, int registryOps, int adapterOps, int smallOps,
        int largeOps, int callers, int grown, Path directory, Path memoryBase, Set<String> cases) {

    /** Allocate + release through the registry, the adapter alone, the fsync floor. */
    static final String REGISTRY = "registry";
    /** Allocate + release through a registry whose journal holds {@code grown} ended allocations. */
    static final String GROWN = "grown";
    /** Remote memory over STOQ, local MemoryAccess, raw STOQ echo. */
    static final String REMOTE = "remote";
    static final List<String> CASES = List.of(REGISTRY, GROWN, REMOTE);

    static final String USAGE = String.join("\n",
            "usage: java -jar hypermesh-assets-benchmarks.jar [--key=value ...]",
            "  --rounds=3              measured rounds per case, after one warm-up round",
            "  --case-seconds=20       time limit of one case, warm-up included",
            "  --total-seconds=360     time limit of the run; cases not started by then are skipped",
            "  --registry-ops=1000     allocate+release pairs per round through the registry / fsync floor",
            "  --adapter-ops=2000      allocate+release pairs per round through the memory adapter alone",
            "  --small-ops=2000        4 KiB operations (and compare-and-swaps) per round",
            "  --large-ops=200         1 MiB operations per round",
            "  --callers=4             callers of the concurrent cases",
            "  --grown=100000          ended allocations in the grown registry's journal (0: skip that case)",
            "  --dir=<tmpdir>          folder for the journals and the fsync floor (a fresh folder inside it)",
            "  --memory-dir=/dev/shm   tmpfs folder for the memory regions",
            "  --cases=" + String.join(",", CASES) + "  which groups of cases run");

    static BenchOptions defaults() {
        Path shm = Path.of("/dev/shm");
        Path memory = shm.toFile().isDirectory() && shm.toFile().canWrite() ? shm
                : Path.of(System.getProperty("java.io.tmpdir"));
        return new BenchOptions(3, 20, 360, 1000, 2000, 2000, 200, 4, 100_000,
                Path.of(System.getProperty("java.io.tmpdir")), memory, new LinkedHashSet<>(CASES));
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
        int r = rounds;
        int cs = caseSeconds;
        int ts = totalSeconds;
        int reg = registryOps;
        int ad = adapterOps;
        int sm = smallOps;
        int lg = largeOps;
        int c = callers;
        int g = grown;
        Path d = directory;
        Path m = memoryBase;
        Set<String> chosen = cases;
        switch (key) {
            case "rounds" -> r = number(key, value, 1, 20);
            case "case-seconds" -> cs = number(key, value, 1, 600);
            case "total-seconds" -> ts = number(key, value, 10, 3600);
            case "registry-ops" -> reg = number(key, value, 4, 1_000_000);
            case "adapter-ops" -> ad = number(key, value, 4, 1_000_000);
            case "small-ops" -> sm = number(key, value, 4, 1_000_000);
            case "large-ops" -> lg = number(key, value, 4, 100_000);
            case "callers" -> c = number(key, value, 2, 64);
            case "grown" -> g = number(key, value, 0, 10_000_000);
            case "dir" -> d = Path.of(value);
            case "memory-dir" -> m = Path.of(value);
            case "cases" -> chosen = caseSet(value);
            default -> throw new IllegalArgumentException("unknown option --" + key);
        }
        return new BenchOptions(r, cs, ts, reg, ad, sm, lg, c, g, d, m, chosen);
    }

    boolean runs(String name) {
        return cases.contains(name);
    }

    private static int number(String key, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + "=" + value + ": not a number");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("--" + key + "=" + value + ": must be between " + min + " and " + max);
        }
        return parsed;
    }

    private static Set<String> caseSet(String value) {
        Set<String> set = new LinkedHashSet<>();
        for (String item : value.split(",")) {
            String name = item.strip().toLowerCase(Locale.ROOT);
            if (!CASES.contains(name)) {
                throw new IllegalArgumentException("--cases: '" + name + "' is not one of " + CASES);
            }
            set.add(name);
        }
        return set;
    }
}
