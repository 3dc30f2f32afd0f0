package network.internet2.hypermesh.benchmark.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.assets.internal.AssetRegistryComponent;
import network.internet2.hypermesh.assets.internal.TestRegistry;
import network.internet2.hypermesh.memory.internal.MemoryAssetAdapter;
import network.internet2.hypermesh.memory.internal.TestMemory;
import network.internet2.hypermesh.remote.RemoteMemory;
import network.internet2.hypermesh.remote.RemoteTarget;
import network.internet2.hypermesh.remote.internal.RemoteMemoryClient;
import network.internet2.hypermesh.remote.internal.RemoteMemoryService;
import network.internet2.stoq.StoqStream;
import network.internet2.stoq.StoqTransport;
import network.internet2.stoq.transport.internal.TestNodes;

/**
 * Benchmark of HyperMesh assets, every figure next to a baseline measured in the same run (this VM is noisy; only
 * same-run ratios mean something):
 *
 * <ol>
 * <li>Allocate + release pairs of 4 KiB memory through the real registry ({@link TestRegistry}: its journal is
 * synced on every event, so two syncs a pair) with the real memory adapter ({@link TestMemory}, regions in
 * /dev/shm), 1 and N callers; against the memory adapter's allocate + release alone (no registry, no journal) and
 * against two synced appends of a journal-sized line to a file in the registry's folder (the durability floor).
 * The adapter's {@code capacity()} (which the registry asks once more per allocation) is timed alone to show
 * where the time goes. A registry reopened on a journal of many ended allocations is measured too.</li>
 * <li>Remote memory over STOQ between two real endpoints on [::1] with distinct certificate identities of one
 * test CA ({@link TestNodes}): node B reads, writes and compare-and-swaps an allocation it owns on node A through
 * {@link RemoteMemoryClient} (one stream per call on the pooled connection); 4 KiB (latency, op/s) and 1 MiB
 * (MiB/s), 1 and N callers; against local MemoryAccess on node A with the same sizes and offsets, and the transport
 * alone on a new stream per operation: an echo of 4 KiB (and ping-pong on one reused stream), a download and an
 * upload of 1 MiB. The N callers each use a node-B endpoint of their own (same identity, own connection): N callers
 * on one pooled connection drive Netty's cached stream credit below zero, after which no stream opens on that
 * connection; that shape is measured last, for 4 KiB reads, and fails while the transport has that fault.</li>
 * <li>A summary table of the ratios, and the JVM's resident memory and heap after the run.</li>
 * </ol>
 *
 * Each case: a warm-up round of a quarter of the operations, then {@code --rounds} rounds, interleaved round by
 * round with those of its baselines (so the machine's changing load falls on all alike); the median round (by
 * throughput) is reported with its p50/p99 latency per operation. Every case is bounded in count and in time
 * ({@code --case-seconds}), the run in time ({@code --total-seconds}). Options: {@link BenchOptions}.
 */
public final class HyperMeshAssetsBenchmark implements AutoCloseable {

    private static final long MIB = 1024 * 1024;
    private static final int SMALL = 4096;
    private static final int LARGE = (int) MIB;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String OWNER = "bench-owner";
    private static final String NODE_B = "node-b.test";
    /** Each caller's share of the remote allocation: its 1 MiB transfers at the start, its 4 KiB ones after. */
    private static final long CALLER_SPAN = 2 * MIB;
    /** Where the compare-and-swap longs are, one 64-byte line per caller. */
    private static final long CAS_AREA = 15 * MIB;

    private final BenchOptions options;
    private final Path workDirectory;
    private final long runDeadline;
    private final ExecutorService pool;
    private final List<String> failures = new ArrayList<>();
    private final List<Comparison> comparisons = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A measured figure against its same-run baseline, for the summary. */
    private record Comparison(String group, Figure measured, Figure baseline) {
    }

    private HyperMeshAssetsBenchmark(BenchOptions options) throws IOException {
        this.options = options;
        this.runDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.totalSeconds());
        Files.createDirectories(options.directory());
        this.workDirectory = Files.createTempDirectory(options.directory(), "hypermesh-bench-");
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "bench-caller-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public static void main(String[] args) throws Exception {
        // before the first logger exists: the registry, the adapters and the endpoints log every start at INFO
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        int failed;
        try (HyperMeshAssetsBenchmark benchmark = new HyperMeshAssetsBenchmark(options)) {
            benchmark.run();
            failed = benchmark.failures.size();
        }
        System.out.println(ProcessFacts.memoryLine());
        System.exit(failed == 0 ? 0 : 1);
    }

    private void run() throws Exception {
        printHeader();
        if (options.runs(BenchOptions.REGISTRY)) {
            registryCases();
        }
        if (options.runs(BenchOptions.GROWN) && options.grown() > 0) {
            grownCase();
        }
        if (options.runs(BenchOptions.REMOTE)) {
            remoteCases();
        }
        printSummary();
    }

    private void printHeader() {
        System.out.printf(Locale.ROOT, "HyperMesh assets benchmark, %s: %s %s, %d CPUs, load average %s%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), ProcessFacts.loadAverage());
        System.out.printf(Locale.ROOT, "1 warm-up + %d rounds per case (median round reported), rounds interleaved "
                + "with the baselines', a GC before each; at most %d s per case and %d s in all; journals in %s, "
                + "memory regions in %s%n",
                options.rounds(), options.caseSeconds(), options.totalSeconds(), workDirectory,
                options.memoryBase());
    }

    // ---- 1. allocate + release ----

    private void registryCases() throws Exception {
        section("allocate + release of 4 KiB memory (op = allocate + release; registry: 2 synced journal appends)");
        MemoryAssetAdapter memory = TestMemory.open(options.memoryBase(), 64 * MIB);
        try {
            AtomicLong ids = new AtomicLong();
            RoundOp.Workload adapterAlone = n -> (caller, index) -> {
                String id = "bench-" + ids.incrementAndGet();
                memory.allocate(id, SMALL);
                memory.release(id);
            };
            for (int n : new int[] {1, options.callers()}) {
                Path folder = workDirectory.resolve("registry-" + n);
                AssetRegistryComponent registry = TestRegistry.open(folder, memory);
                try (FsyncFloor floor = FsyncFloor.open(folder.resolve("fsync-floor.log"))) {
                    Group group = new Group();
                    int capacity = n == 1 ? group.add("adapter", "memory adapter capacity() alone", 1,
                            options.adapterOps(), 0, c -> (caller, index) -> memory.capacity()) : -1;
                    int alone = group.add("adapter", "memory adapter alone: allocate+release", n,
                            options.adapterOps(), 0, adapterAlone);
                    int durable = group.add("floor", "fsync floor: 2 synced appends", n, options.registryOps(), 0,
                            c -> (caller, index) -> {
                                floor.appendSynced();
                                floor.appendSynced();
                            });
                    int registered = group.add("registry", "registry: allocate+release", n, options.registryOps(), 0,
                            registryPairs(registry));
                    Figure[] figures = group.run();
                    if (!registry.allocations().isEmpty()) {
                        fail("registry " + n, registry.allocations().size() + " allocations left active");
                    }
                    compare("registry ÷ adapter alone", figures[registered], figures[alone]);
                    compare("registry ÷ fsync floor", figures[registered], figures[durable]);
                    if (n == 1) {
                        whereTheTimeGoes(figures[registered], figures[durable], figures[alone], figures[capacity]);
                        notes.add(mappingsAfterGc(memory, ids));
                    }
                } finally {
                    TestRegistry.close(registry);
                }
            }
        } finally {
            TestMemory.close(memory);
        }
    }

    /**
     * Released regions stay mapped until the GC clears their buffers: the JVM's mappings before and after 1000
     * adapter allocate + release pairs, and after a GC (waiting at most 2 s for the cleaner to unmap them).
     */
    private static String mappingsAfterGc(MemoryAssetAdapter memory, AtomicLong ids) throws Exception {
        System.gc();
        long start = ProcessFacts.mappings();
        for (int i = 0; i < 1000; i++) {
            String id = "bench-" + ids.incrementAndGet();
            memory.allocate(id, SMALL);
            memory.release(id);
        }
        long before = ProcessFacts.mappings();
        System.gc();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        long after = ProcessFacts.mappings();
        while (after > start + (before - start) / 10 && System.nanoTime() - giveUp < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            after = ProcessFacts.mappings();
        }
        return String.format(Locale.ROOT, "memory mappings of the JVM: %d, after 1000 allocate+release pairs "
                + "through the adapter %d (released regions stay mapped until a GC clears their buffers), after a "
                + "GC %d; the kernel's limit is vm.max_map_count", start, before, after);
    }

    private static RoundOp.Workload registryPairs(AssetRegistryComponent registry) {
        return n -> (caller, index) -> {
            Allocation allocation = registry.allocate("memory", SMALL, HOUR, OWNER);
            registry.release(allocation.id(), OWNER);
        };
    }

    private void whereTheTimeGoes(Figure registry, Figure floor, Figure alone, Figure capacity) {
        if (!registry.ok() || !floor.ok() || !alone.ok() || !capacity.ok()) {
            return;
        }
        double rest = registry.p50() - floor.p50() - alone.p50() - capacity.p50();
        String line = String.format(Locale.ROOT, "registry p50 %.3f ms ≈ 2 synced appends %.3f + adapter "
                + "allocate+release %.3f + one more capacity() %.3f + the rest (the book, which scans every allocation "
                + "it ever granted on each allocate; journal encoding; proxy address) %.3f ms", registry.p50(), floor.p50(), alone.p50(), capacity.p50(), rest);
        System.out.println("  where the time goes (1 caller): " + line);
        notes.add("where the time goes, 1 caller: " + line);
    }

    // ---- 1b. a registry whose journal holds many ended allocations ----

    private void grownCase() throws Exception {
        section("allocate + release through a registry reopened on a journal of " + options.grown()
                + " ended allocations, against a fresh registry");
        MemoryAssetAdapter memory = TestMemory.open(options.memoryBase(), 64 * MIB);
        AssetRegistryComponent fresh = null;
        AssetRegistryComponent grown = null;
        try {
            Path folder = workDirectory.resolve("registry-grown");
            Path journal = folder.resolve("allocations.journal");
            GrownJournal.write(journal, options.grown(), OWNER);
            System.gc();
            long start = System.nanoTime();
            grown = TestRegistry.open(folder, memory);
            long openNanos = System.nanoTime() - start;
            String replay = String.format(Locale.ROOT, "opening the registry on a journal of %d events (%d MiB) "
                    + "took %.0f ms", 2L * options.grown(), Files.size(journal) >> 20, openNanos / 1e6);
            System.out.println("  " + replay);
            notes.add(replay);
            fresh = TestRegistry.open(workDirectory.resolve("registry-fresh"), memory);
            Group group = new Group();
            int freshCase = group.add("registry", "registry, fresh journal: allocate+release", 1,
                    options.registryOps(), 0, registryPairs(fresh));
            int grownCase = group.add("registry", "registry, " + options.grown() + " ended: allocate+release", 1,
                    options.registryOps(), 0, registryPairs(grown));
            Figure[] figures = group.run();
            compare("grown ÷ fresh registry", figures[grownCase], figures[freshCase]);
        } finally {
            if (grown != null) {
                TestRegistry.close(grown);
            }
            if (fresh != null) {
                TestRegistry.close(fresh);
            }
            TestMemory.close(memory);
        }
    }

    // ---- 2. remote memory over STOQ ----

    private void remoteCases() throws Exception {
        section("remote memory over STOQ on [::1]: node B -> its allocation on node A (one stream per call), "
                + "against local MemoryAccess on node A and the transport alone (echo, download, upload); "
                + options.callers() + " callers: a node-B endpoint (connection) each, last all on one connection");
        MemoryAssetAdapter memory = TestMemory.open(options.memoryBase(), 64 * MIB);
        AssetRegistryComponent registry = TestRegistry.open(workDirectory.resolve("remote"), memory);
        try (TestNodes nodes = new TestNodes()) {
            StoqTransport nodeA = nodes.start("node-a.test", Map.of(
                    RemoteMemory.SERVICE, new RemoteMemoryService(registry, memory),
                    EchoServices.ECHO, EchoServices.echo(),
                    EchoServices.PING_PONG, EchoServices.pingPong(),
                    EchoServices.SINK, EchoServices.sink(),
                    EchoServices.SOURCE, EchoServices.source()));
            InetSocketAddress addressA = TestNodes.listener(nodeA);
            int most = options.callers();
            // node B: one endpoint per caller, all with B's identity, so that each caller has its own connection
            StoqTransport[] nodeB = new StoqTransport[most];
            RemoteMemory[] remote = new RemoteMemory[most];
            for (int c = 0; c < most; c++) {
                nodeB[c] = nodes.start(NODE_B, Map.of());
                remote[c] = new RemoteMemoryClient(nodeB[c]);
            }
            Allocation allocation = registry.allocate("memory", 16 * MIB, HOUR, NODE_B);
            String id = allocation.id();
            RemoteTarget target = new RemoteTarget("::1", addressA.getPort(), allocation.proxyAddress());
            verifyRemotePath(remote[0], target, memory, id);

            byte[][] small = randomBuffers(most, SMALL, 1);
            byte[][] large = randomBuffers(most, LARGE, 2);
            for (int size : new int[] {SMALL, LARGE}) {
                String label = size == SMALL ? "4 KiB" : "1 MiB";
                int ops = size == SMALL ? options.smallOps() : options.largeOps();
                byte[][] data = size == SMALL ? small : large;
                for (int n : new int[] {1, most}) {
                    Group group = new Group();
                    int localRead = group.add("local", "local read " + label, n, ops, size,
                            c -> (caller, index) -> memory.read(id, offset(caller, index, size), size));
                    int remoteRead = group.add("remote", "remote read " + label + each(n), n, ops, size,
                            c -> (caller, index) -> remote[caller].read(target, offset(caller, index, size), size));
                    int localWrite = group.add("local", "local write " + label, n, ops, size,
                            c -> (caller, index) -> memory.write(id, offset(caller, index, size), data[caller]));
                    int remoteWrite = group.add("remote", "remote write " + label + each(n), n, ops, size,
                            c -> (caller, index) -> remote[caller].write(target, offset(caller, index, size),
                                    data[caller]));
                    // the transport alone on a new stream per operation: for 1 MiB the same bytes the same way
                    int download = -1;
                    int upload = -1;
                    int echo = -1;
                    int pingPong = -1;
                    if (size == LARGE) {
                        download = group.add("stoq", "STOQ download " + label + ", stream per op" + each(n), n, ops,
                                size, c -> (caller, index) -> download(nodeB[caller], addressA, size));
                        upload = group.add("stoq", "STOQ upload " + label + ", stream per op" + each(n), n, ops,
                                size, c -> (caller, index) -> upload(nodeB[caller], addressA, data[caller]));
                    } else {
                        echo = group.add("stoq", "STOQ echo " + label + ", stream per op" + each(n), n, ops, size,
                                c -> (caller, index) -> echoOnFreshStream(nodeB[caller], addressA, data[caller]));
                        pingPong = group.add("stoq", "STOQ ping-pong 4 KiB, one stream" + each(n), n, ops, size,
                                c -> new PingPong(nodeB, addressA, c, small));
                    }
                    Figure[] figures = group.run();
                    checkWritten(memory, id, size, data, n);
                    compare("remote ÷ local", figures[remoteRead], figures[localRead]);
                    compare("remote ÷ local", figures[remoteWrite], figures[localWrite]);
                    if (size == LARGE) {
                        compare("remote ÷ STOQ alone", figures[remoteRead], figures[download]);
                        compare("remote ÷ STOQ alone", figures[remoteWrite], figures[upload]);
                    } else {
                        compare("remote ÷ STOQ echo", figures[remoteRead], figures[echo]);
                        compare("remote ÷ STOQ echo", figures[remoteWrite], figures[echo]);
                        compare("new stream ÷ one stream", figures[echo], figures[pingPong]);
                    }
                }
            }
            for (int n : new int[] {1, most}) {
                Group group = new Group();
                int localCas = group.add("local", "local compare-and-swap", n, options.smallOps(), Long.BYTES,
                        c -> new CompareAndSwaps(memory, id, null, null, c));
                int remoteCas = group.add("remote", "remote compare-and-swap" + each(n), n, options.smallOps(),
                        Long.BYTES, c -> new CompareAndSwaps(memory, id, remote, target, c));
                Figure[] figures = group.run();
                compare("remote ÷ local", figures[remoteCas], figures[localCas]);
            }
            // last, on an endpoint of its own: the shape a node has (every caller on the one pooled connection)
            StoqTransport shared = nodes.start(NODE_B, Map.of());
            RemoteMemory onShared = new RemoteMemoryClient(shared);
            Group group = new Group();
            int own = group.add("remote", "remote read 4 KiB" + each(most), most, options.smallOps(), SMALL,
                    c -> (caller, index) -> remote[caller].read(target, offset(caller, index, SMALL), SMALL));
            int one = group.add("remote", "remote read 4 KiB, one shared connection", most, options.smallOps(),
                    SMALL, c -> (caller, index) -> onShared.read(target, offset(caller, index, SMALL), SMALL));
            Figure[] figures = group.run();
            compare("shared ÷ own connections", figures[one], figures[own]);
        } finally {
            TestRegistry.close(registry);
            TestMemory.close(memory);
        }
    }

    /** How the concurrent remote cases connect: every caller through a node-B endpoint of its own. */
    private static String each(int n) {
        return n > 1 ? ", own connections" : "";
    }

    /** Where an operation of a caller goes: its own span of the allocation, 4 KiB ops cycling over 1 MiB of it. */
    private static long offset(int caller, int index, int size) {
        long base = caller * CALLER_SPAN;
        return size >= LARGE ? base : base + MIB + (index % (MIB / size)) * size;
    }

    private static byte[][] randomBuffers(int count, int size, long seed) {
        Random random = new Random(seed);
        byte[][] buffers = new byte[count][size];
        for (byte[] buffer : buffers) {
            random.nextBytes(buffer);
        }
        return buffers;
    }

    /** Before anything is timed: a remote write is seen locally and a local write remotely. */
    private void verifyRemotePath(RemoteMemory remote, RemoteTarget target, MemoryAssetAdapter memory, String id)
            throws Exception {
        byte[] probe = randomBuffers(1, SMALL, 3)[0];
        remote.write(target, 0, probe);
        if (!Arrays.equals(probe, memory.read(id, 0, SMALL))) {
            throw new IllegalStateException("node A does not hold what node B wrote remotely");
        }
        memory.write(id, SMALL, probe);
        if (!Arrays.equals(probe, remote.read(target, SMALL, SMALL))) {
            throw new IllegalStateException("node B does not read what node A wrote locally");
        }
        if (remote.size(target) != 16 * MIB) {
            throw new IllegalStateException("node B sees the wrong allocation size");
        }
    }

    /** After the remote writes: every caller's last buffer is where it wrote it. */
    private void checkWritten(MemoryAssetAdapter memory, String id, int size, byte[][] data, int n) {
        try {
            for (int caller = 0; caller < n; caller++) {
                if (!Arrays.equals(data[caller], memory.read(id, offset(caller, 0, size), size))) {
                    fail("remote write " + size, "caller " + caller + "'s data is not on node A");
                }
            }
        } catch (Exception e) {
            fail("remote write " + size, e.toString());
        }
    }

    private static void echoOnFreshStream(StoqTransport node, InetSocketAddress peer, byte[] data) throws Exception {
        try (StoqStream stream = node.connect(peer).openStream(EchoServices.ECHO)) {
            OutputStream out = stream.output();
            out.write(data);
            out.close();
            byte[] back = stream.input().readNBytes(data.length);
            if (back.length != data.length) {
                throw new IOException("the echo returned " + back.length + " of " + data.length + " bytes");
            }
            // read to the end, as RemoteMemoryClient does: streams closed before the peer's FIN is read are not all
            // given back to the connection's stream credit, and once it is used up no stream opens
            if (stream.input().read() != -1) {
                throw new IOException("the echo returned more than " + data.length + " bytes");
            }
        }
    }

    private static void upload(StoqTransport node, InetSocketAddress peer, byte[] data) throws Exception {
        try (StoqStream stream = node.connect(peer).openStream(EchoServices.SINK)) {
            OutputStream out = stream.output();
            out.write(data);
            out.close();
            if (stream.input().read() != 1 || stream.input().read() != -1) {
                throw new IOException("the upload was not acknowledged");
            }
        }
    }

    private static void download(StoqTransport node, InetSocketAddress peer, int length) throws Exception {
        try (StoqStream stream = node.connect(peer).openStream(EchoServices.SOURCE)) {
            OutputStream out = stream.output();
            out.write(ByteBuffer.allocate(Integer.BYTES).putInt(length).array());
            out.close();
            byte[] received = stream.input().readNBytes(length);
            if (received.length != length || stream.input().read() != -1) {
                throw new IOException("the download returned " + received.length + " bytes, not " + length);
            }
        }
    }

    /** Each caller's stream to the ping-pong service, opened before the clock starts and closed after. */
    private static final class PingPong implements RoundOp {

        private final StoqStream[] streams;
        private final byte[][] frames;
        private final byte[][] back;

        PingPong(StoqTransport[] nodes, InetSocketAddress peer, int callers, byte[][] frames) throws Exception {
            this.streams = new StoqStream[callers];
            this.frames = frames;
            this.back = new byte[callers][EchoServices.FRAME];
            try {
                for (int c = 0; c < callers; c++) {
                    streams[c] = nodes[c].connect(peer).openStream(EchoServices.PING_PONG);
                }
            } catch (Exception e) {
                close();
                throw e;
            }
        }

        @Override
        public void run(int caller, int index) throws Exception {
            StoqStream stream = streams[caller];
            stream.output().write(frames[caller], 0, EchoServices.FRAME);
            if (stream.input().readNBytes(back[caller], 0, EchoServices.FRAME) != EchoServices.FRAME) {
                throw new IOException("the ping-pong stream ended early");
            }
        }

        @Override
        public void close() {
            for (StoqStream stream : streams) {
                if (stream != null) {
                    try {
                        // finish, then read the service's FIN (see echoOnFreshStream)
                        stream.output().close();
                        stream.input().read();
                    } catch (IOException e) {
                        // closing the stream below is what matters
                    }
                    stream.close();
                }
            }
        }
    }

    /**
     * Compare-and-swaps that all succeed: each caller counts up the long in its own 64-byte line (reset to 0
     * before the round), locally through MemoryAccess or through the remote client.
     */
    private static final class CompareAndSwaps implements RoundOp {

        private final MemoryAssetAdapter memory;
        private final String id;
        private final RemoteMemory[] remote;
        private final RemoteTarget target;
        private final long[] values;

        CompareAndSwaps(MemoryAssetAdapter memory, String id, RemoteMemory[] remote, RemoteTarget target,
                int callers)
                throws Exception {
            this.memory = memory;
            this.id = id;
            this.remote = remote;
            this.target = target;
            this.values = new long[callers];
            for (int c = 0; c < callers; c++) {
                memory.write(id, CAS_AREA + 64L * c, new byte[Long.BYTES]);
            }
        }

        @Override
        public void run(int caller, int index) throws Exception {
            long offset = CAS_AREA + 64L * caller;
            long expected = values[caller];
            boolean swapped = remote == null ? memory.compareAndSwapLong(id, offset, expected, expected + 1)
                    : remote[caller].compareAndSwapLong(target, offset, expected, expected + 1);
            if (!swapped) {
                throw new IllegalStateException("compare-and-swap of caller " + caller + " from " + expected
                        + " failed, though only this caller writes that long");
            }
            values[caller] = expected + 1;
        }

        @Override
        public void close() {
            for (int c = 0; c < values.length; c++) {
                long stored;
                try {
                    stored = ByteBuffer.wrap(memory.read(id, CAS_AREA + 64L * c, Long.BYTES)).getLong();
                } catch (AssetException e) {
                    throw new IllegalStateException("cannot read back caller " + c + "'s long: " + e.getMessage(), e);
                }
                if (stored != values[c]) {
                    throw new IllegalStateException("caller " + c + "'s long is " + stored + ", not " + values[c]);
                }
            }
        }
    }

    // ---- running cases ----

    /** One case of a {@link Group}. */
    private record Case(String kind, String title, int callers, int ops, long bytesPerOp, RoundOp.Workload workload) {
    }

    /**
     * Cases measured together, a case and its baselines, their rounds interleaved so that the machine's changing
     * load falls on all of them alike: the warm-up round (a quarter of the operations) of each case, then round 1
     * of each case, round 2 of each case, and so on, a GC before each. Every case has its own time budget
     * ({@code --case-seconds}, warm-up included); a case that fails stops, the others go on. A group not started
     * before the run's time limit is skipped.
     */
    private final class Group {

        private final List<Case> cases = new ArrayList<>();

        /** @return the index of the case's figure in what {@link #run()} returns */
        int add(String kind, String name, int n, int ops, long bytesPerOp, RoundOp.Workload workload) {
            cases.add(new Case(kind, name + ", " + n + (n == 1 ? " caller" : " callers"), n, ops, bytesPerOp,
                    workload));
            return cases.size() - 1;
        }

        Figure[] run() {
            int count = cases.size();
            Figure[] figures = new Figure[count];
            if (System.nanoTime() - runDeadline >= 0) {
                for (int i = 0; i < count; i++) {
                    figures[i] = Figure.failed(cases.get(i).title(), cases.get(i).callers(), "skipped: the run's "
                            + "time limit (--total-seconds=" + options.totalSeconds() + ") was reached");
                }
                return record(figures);
            }
            long budget = TimeUnit.SECONDS.toNanos(options.caseSeconds());
            long[] used = new long[count];
            String[] failure = new String[count];
            List<List<LoadRound.Result>> rounds = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                rounds.add(new ArrayList<>());
                Case spec = cases.get(i);
                System.gc();
                long start = System.nanoTime();
                try {
                    LoadRound.run(pool, spec.workload(), spec.callers(), Math.max(spec.callers(), spec.ops() / 4),
                            start + budget / 4);
                } catch (Exception e) {
                    failure[i] = "in the warm-up: " + e;
                }
                used[i] += System.nanoTime() - start;
            }
            for (int round = 0; round < options.rounds(); round++) {
                for (int i = 0; i < count; i++) {
                    if (failure[i] != null || used[i] >= budget) {
                        continue;
                    }
                    Case spec = cases.get(i);
                    System.gc();
                    long start = System.nanoTime();
                    try {
                        rounds.get(i).add(LoadRound.run(pool, spec.workload(), spec.callers(), spec.ops(),
                                start + budget - used[i]));
                    } catch (Exception e) {
                        failure[i] = e.toString();
                    }
                    used[i] += System.nanoTime() - start;
                }
            }
            for (int i = 0; i < count; i++) {
                Case spec = cases.get(i);
                figures[i] = new Figure(spec.title(), spec.callers(), spec.bytesPerOp(), rounds.get(i), failure[i]);
            }
            return record(figures);
        }

        private Figure[] record(Figure[] figures) {
            for (int i = 0; i < figures.length; i++) {
                if (!figures[i].ok()) {
                    failures.add(figures[i].name());
                }
                report(cases.get(i).kind(), figures[i]);
            }
            return figures;
        }
    }

    private void compare(String group, Figure measured, Figure baseline) {
        comparisons.add(new Comparison(group, measured, baseline));
    }

    private void fail(String what, String why) {
        System.out.println("  FAILED " + what + ": " + why);
        failures.add(what + ": " + why);
    }

    // ---- output ----

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void report(String kind, Figure figure) {
        System.out.printf(Locale.ROOT, "  %-9s %-64s %s%n", kind, figure.name(), figure.describe());
    }

    private void printSummary() {
        System.out.println();
        System.out.println("== summary: same-run ratios, measured ÷ baseline (rate < 1 and p50 > 1: slower than "
                + "the baseline)");
        System.out.printf(Locale.ROOT, "%-26s %-64s %13s %9s %9s | %-64s %13s %9s | %8s %8s%n", "ratio", "measured",
                "rate", "p50 ms", "p99 ms", "baseline", "rate", "p50 ms", "rate ×", "p50 ×");
        for (Comparison row : comparisons) {
            Figure m = row.measured();
            Figure b = row.baseline();
            System.out.printf(Locale.ROOT, "%-26s %-64s %13s %9s %9s | %-64s %13s %9s | %8s %8s%n", row.group(),
                    m.name(), m.rate(), Figure.millis(m.p50()), Figure.millis(m.p99()), b.name(), b.rate(),
                    Figure.millis(b.p50()), ratio(m.rateValue(), b.rateValue()), ratio(m.p50(), b.p50()));
        }
        for (String note : notes) {
            System.out.println("note: " + note);
        }
        System.out.println("load average at the end: " + ProcessFacts.loadAverage());
        if (!failures.isEmpty()) {
            System.out.println("FAILED or skipped: " + failures);
        }
    }

    private static String ratio(double measured, double baseline) {
        if (Double.isNaN(measured) || Double.isNaN(baseline) || baseline == 0) {
            return "-";
        }
        double r = measured / baseline;
        if (r >= 100) {
            return String.format(Locale.ROOT, "%.0f", r);
        }
        return r >= 0.01 ? String.format(Locale.ROOT, "%.3f", r) : String.format(Locale.ROOT, "%.2g", r);
    }

    @Override
    public void close() throws IOException {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                System.out.println("warning: a caller thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(workDirectory);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
