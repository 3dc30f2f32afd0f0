package network.internet2.stoq.transport.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import network.internet2.stoq.StoqConnection;
import network.internet2.trustchain.ca.NodeCertificate;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.pq.internal.PostQuantumCryptoSuite;

/**
 * Benchmark of the STOQ transport over IPv6 loopback [::1], every figure next to a baseline measured in the
 * same run (this VM is noisy; only same-run ratios mean something):
 *
 * <ol>
 * <li>Bulk throughput to a discard service: 1 connection x 1 stream, 1 connection x 16 streams and
 * N connections x 1 stream, with STOQ's default settings (1350-byte UDP payload, GSO/GRO where available) and
 * with a loopback-sized 65000-byte payload; against plain TCP and JDK TLS 1.3 over TCP (mutual auth, the test
 * PKI's ECDSA P-256 certificates) with the same bytes and shapes, 16 TCP connections standing for 16 streams.
 * Connections, TLS handshakes and streams are set up before the clock starts; the clock stops when the last
 * receiver has answered its byte count. One warm-up round, then repeated rounds; the median is reported.</li>
 * <li>Sequential handshakes (each a new connection, closed before the next): connect latency median/p90/p99 and
 * handshakes/s (1 / mean connect time) for STOQ with X25519MLKEM768, with MLKEM1024, and with the FALCON-1024
 * possession proof after the handshake; against full JDK TLS 1.3 handshakes with mutual auth (a fresh client
 * context each time, so no resumption) that wait, as a STOQ connect does, for the server to accept the client.
 * The possession proof's signing and verifying alone is reported too.</li>
 * <li>The JVM's resident memory and heap after the run.</li>
 * </ol>
 *
 * Every case is bounded in bytes or count and in time ({@code --case-seconds}). Options: {@link BenchOptions}.
 */
public final class StoqTransportBenchmark implements AutoCloseable {

    private static final Inet6Address LOOPBACK = TransportSettings.ipv6Literal("::1");
    private static final int HANDSHAKE_WARM_UPS = 10;
    private static final int MIN_WORKERS = 32;

    private final BenchOptions options;
    private final TestPki pki;
    private final NodeKeys serverKeys;
    private final NodeKeys clientKeys;
    private final TlsMaterial serverTls;
    private final TlsMaterial clientTls;
    private final List<String> failures = new ArrayList<>();
    private TcpDiscardServer tcpServer;
    private TcpDiscardServer tlsServer;

    private StoqTransportBenchmark(BenchOptions options) throws Exception {
        this.options = options;
        pki = TestPki.create("stoq-benchmark-root");
        serverKeys = pki.leaf("server.bench");
        clientKeys = pki.leaf("client.bench");
        serverTls = TlsMaterial.of(serverKeys, pki.root);
        clientTls = TlsMaterial.of(clientKeys, pki.root);
    }

    public static void main(String[] args) throws Exception {
        // before the first logger exists: the endpoints log every start at INFO
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
        try (StoqTransportBenchmark benchmark = new StoqTransportBenchmark(options)) {
            benchmark.run();
            failed = benchmark.failures.size();
        }
        printMemory();
        System.exit(failed == 0 ? 0 : 1);
    }

    private void run() throws Exception {
        printHeader();
        tcpServer = TcpDiscardServer.plain(LOOPBACK);
        tlsServer = TcpDiscardServer.tls(LOOPBACK, serverTls.newContext());
        int streams = options.streams();
        int connections = options.connections();
        if (options.runs(BenchOptions.SINGLE)) {
            bulkShape("1 conn x 1 stream", 1, 1);
        }
        if (options.runs(BenchOptions.STREAMS)) {
            bulkShape("1 conn x " + streams + " streams", 1, streams);
        }
        if (options.runs(BenchOptions.CONNECTIONS)) {
            bulkShape(connections + " conns x 1 stream", connections, 1);
        }
        if (options.runs(BenchOptions.HANDSHAKES)) {
            handshakes();
        }
        if (!failures.isEmpty()) {
            System.out.println("FAILED cases: " + failures);
        }
    }

    private void printHeader() {
        System.out.printf(Locale.ROOT, "STOQ transport benchmark on [::1]: %s %s, %d CPUs; %d MiB per bulk round, "
                + "1 warm-up + %d rounds, %d s per case; %d handshakes per case%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), options.megabytes(), options.rounds(),
                options.caseSeconds(), options.handshakes());
    }

    // ---- bulk throughput ----

    /** Opens the flows of one round, before the clock starts. */
    private interface FlowSource {
        List<Flow> open() throws Exception;
    }

    /** The median round of a bulk case, or why the case failed. */
    private record Throughput(List<BulkRound.Result> rounds, String failure) {

        double gbitPerSecond() {
            if (rounds.isEmpty()) {
                return Double.NaN;
            }
            double[] values = rounds.stream().mapToDouble(BulkRound.Result::gbitPerSecond).sorted().toArray();
            return values[(values.length - 1) / 2];
        }

        String describe() {
            if (failure != null) {
                return "FAILED: " + failure;
            }
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%8.3f Gbit/s (rounds:", gbitPerSecond()));
            for (BulkRound.Result round : rounds) {
                text.append(String.format(Locale.ROOT, " %.3f", round.gbitPerSecond()));
                if (round.capped()) {
                    text.append(String.format(Locale.ROOT, "[time limit, %d MiB]", round.bytes() >> 20));
                }
            }
            return text.append(')').toString();
        }
    }

    private void bulkShape(String shape, int connections, int streamsPerConnection) {
        int flows = connections * streamsPerConnection;
        Throughput tcp = bulkCase(() -> socketFlows(tcpServer, null, flows));
        report("bulk " + shape, "tcp", tcp.describe(), "");
        Throughput tls = bulkCase(() -> socketFlows(tlsServer, clientTls.newContext(), flows));
        report("bulk " + shape, "tls1.3", tls.describe(), "");
        for (int payload : options.payloads()) {
            StoqBulk stoq = stoqBulk(payload, connections, streamsPerConnection);
            report("bulk " + shape, stoq.name(), stoq.throughput().describe(), ratios(stoq.throughput(), tcp, tls));
            if (stoq.throughput().failure() != null) {
                failures.add("bulk " + shape + " " + stoq.name());
            }
        }
        if (tcp.failure() != null || tls.failure() != null) {
            failures.add("bulk " + shape + " baseline");
        }
    }

    private static String ratios(Throughput stoq, Throughput tcp, Throughput tls) {
        return String.format(Locale.ROOT, "  stoq/tcp x%.3f  stoq/tls x%.3f",
                stoq.gbitPerSecond() / tcp.gbitPerSecond(), stoq.gbitPerSecond() / tls.gbitPerSecond());
    }

    /** A warm-up round of an eighth of the bytes, then the measured rounds, all within the case's time. */
    private Throughput bulkCase(FlowSource source) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.caseSeconds());
        long bytes = options.bytesPerRound();
        List<BulkRound.Result> rounds = new ArrayList<>();
        try {
            long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.caseSeconds()) / 4;
            BulkRound.run(source.open(), Math.max(bytes / 8, BulkRound.CHUNK), Math.min(deadline, warmUpEnd));
            for (int i = 0; i < options.rounds() && System.nanoTime() - deadline < 0; i++) {
                rounds.add(BulkRound.run(source.open(), bytes, deadline));
            }
            return new Throughput(rounds, null);
        } catch (Exception e) {
            return new Throughput(rounds, e.toString());
        }
    }

    private static List<Flow> socketFlows(TcpDiscardServer server, SSLContext tls, int count) throws IOException {
        List<Flow> flows = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                flows.add(SocketFlow.connect(server.address(), tls));
            }
            return flows;
        } catch (IOException e) {
            flows.forEach(Flow::close);
            throw e;
        }
    }

    /** A STOQ bulk case, named by its UDP payload and whether UDP offload was in use. */
    private record StoqBulk(String name, Throughput throughput) {
    }

    private StoqBulk stoqBulk(int payload, int connections, int streamsPerConnection) {
        String name = "stoq-" + payload;
        int flows = connections * streamsPerConnection;
        TransportSettings defaults = TransportSettings.defaults(LOOPBACK);
        TransportSettings settings = defaults.withUdp(payload, TransportSettings.DEFAULT_SOCKET_BUFFER)
                .withThreads(defaults.eventLoopThreads(), Math.max(MIN_WORKERS, flows + 8));
        try (Endpoints endpoints = new Endpoints()) {
            StoqEndpoint server = endpoints.start(settings, serverKeys, pki.check(), ConnectionGate.ADMIT_ALL,
                    Endpoints.DISCARD_ONLY);
            name += server.udpOffload() ? " (GSO/GRO)" : server.nativeTransport() ? " (epoll, no GSO)" : " (NIO)";
            List<StoqConnection> links = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                // one client endpoint per connection: an endpoint pools one connection per peer address
                StoqEndpoint client = endpoints.start(settings, clientKeys, pki.check(), ConnectionGate.ADMIT_ALL,
                        Endpoints.NO_SERVICES);
                links.add(client.connect(Endpoints.listener(server)));
            }
            return new StoqBulk(name, bulkCase(() -> stoqFlows(links, streamsPerConnection)));
        } catch (Exception e) {
            return new StoqBulk(name, new Throughput(List.of(), e.toString()));
        }
    }

    private static List<Flow> stoqFlows(List<StoqConnection> links, int streamsPerConnection) throws Exception {
        List<Flow> flows = new ArrayList<>();
        try {
            for (StoqConnection link : links) {
                for (int i = 0; i < streamsPerConnection; i++) {
                    flows.add(StoqFlow.open(link));
                }
            }
            return flows;
        } catch (Exception e) {
            flows.forEach(Flow::close);
            throw e;
        }
    }

    // ---- handshakes ----

    private void handshakes() throws Exception {
        Latencies tls = timed("handshake", "tls1.3 (JDK groups)", null, this::tlsHandshakes);
        timed("handshake", "stoq " + TransportSettings.X25519_MLKEM768, tls,
                () -> stoqHandshakes(TransportSettings.X25519_MLKEM768));
        timed("handshake", "stoq " + TransportSettings.MLKEM1024, tls,
                () -> stoqHandshakes(TransportSettings.MLKEM1024));
        CryptoSuite postQuantum = new PostQuantumCryptoSuite();
        FalconPki falconPki = FalconPki.create(postQuantum, "stoq-benchmark-falcon-root");
        NodeCertificate server = falconPki.leaf("server.bench");
        NodeCertificate client = falconPki.leaf("client.bench");
        timed("handshake", "stoq " + TransportSettings.X25519_MLKEM768 + " + FALCON PoP", tls,
                () -> falconHandshakes(postQuantum, falconPki, server, client));
        timed("PoP crypto alone", "2 FALCON-1024 signs + 2 verifies", null,
                () -> PossessionCost.measure(postQuantum, client, server, HANDSHAKE_WARM_UPS, options.handshakes(),
                        handshakeDeadline()));
    }

    private interface LatencyCase {
        Latencies run() throws Exception;
    }

    /** Runs a latency case and prints it, with its ratio to {@code baseline} when there is one. */
    private Latencies timed(String kind, String name, Latencies baseline, LatencyCase latencyCase) {
        try {
            Latencies result = latencyCase.run();
            String ratio = baseline == null || baseline.count() == 0 ? ""
                    : String.format(Locale.ROOT, "  vs tls: rate x%.3f, median x%.3f",
                            result.perSecond() / baseline.perSecond(), result.medianMillis() / baseline.medianMillis());
            report(kind, name, describe(result), ratio);
            return result;
        } catch (Exception e) {
            report(kind, name, "FAILED: " + e, "");
            failures.add(kind + " " + name);
            return null;
        }
    }

    private static String describe(Latencies latencies) {
        return String.format(Locale.ROOT, "%8.1f /s  median %.3f ms  p90 %.3f ms  p99 %.3f ms  (n=%d)",
                latencies.perSecond(), latencies.medianMillis(), latencies.percentileMillis(0.90),
                latencies.percentileMillis(0.99), latencies.count());
    }

    private long handshakeDeadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(options.caseSeconds());
    }

    private Latencies tlsHandshakes() throws Exception {
        InetSocketAddress address = tlsServer.address();
        return Handshakes.measure(() -> {
            SSLContext fresh = clientTls.newContext();
            return () -> SocketFlow.connect(address, fresh);
        }, HANDSHAKE_WARM_UPS, options.handshakes(), handshakeDeadline());
    }

    private Latencies stoqHandshakes(String group) throws Exception {
        TransportSettings settings = TransportSettings.defaults(LOOPBACK).withKeyExchangeGroups(List.of(group));
        try (Endpoints endpoints = new Endpoints()) {
            StoqEndpoint server = endpoints.start(settings, serverKeys, pki.check(), ConnectionGate.ADMIT_ALL,
                    Endpoints.NO_SERVICES);
            StoqEndpoint client = endpoints.start(settings, clientKeys, pki.check(), ConnectionGate.ADMIT_ALL,
                    Endpoints.NO_SERVICES);
            return stoqConnects(client, server);
        }
    }

    private Latencies falconHandshakes(CryptoSuite postQuantum, FalconPki falconPki, NodeCertificate server,
            NodeCertificate client) throws Exception {
        TransportSettings settings = TransportSettings.defaults(LOOPBACK);
        try (Endpoints endpoints = new Endpoints()) {
            StoqEndpoint serverEndpoint = endpoints.start(settings, keysOf(server), falconPki.check(),
                    new FalconPossessionGate(postQuantum, () -> server), Endpoints.NO_SERVICES);
            StoqEndpoint clientEndpoint = endpoints.start(settings, keysOf(client), falconPki.check(),
                    new FalconPossessionGate(postQuantum, () -> client), Endpoints.NO_SERVICES);
            return stoqConnects(clientEndpoint, serverEndpoint);
        }
    }

    private static NodeKeys keysOf(NodeCertificate certificate) {
        return new NodeKeys(certificate.privateKey(), certificate.chain());
    }

    /** Sequential connects; each must be a new handshake, as the client's counter shows (not a pooled one). */
    private Latencies stoqConnects(StoqEndpoint client, StoqEndpoint server) throws Exception {
        InetSocketAddress address = Endpoints.listener(server);
        return Handshakes.measure(() -> {
            long before = client.counters().handshakesOk();
            return () -> {
                StoqConnection connection = client.connect(address);
                return () -> {
                    Endpoints.closeAndWait(connection);
                    if (client.counters().handshakesOk() == before) {
                        throw new IllegalStateException("connect returned a pooled connection, not a new one");
                    }
                };
            };
        }, HANDSHAKE_WARM_UPS, options.handshakes(), handshakeDeadline());
    }

    // ---- output ----

    private static void report(String kind, String name, String figures, String ratio) {
        System.out.printf(Locale.ROOT, "%-28s %-40s %s%s%n", kind, name, figures, ratio);
    }

    private static void printMemory() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        String rss = residentMemory();
        System.gc();
        MemoryUsage afterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf(Locale.ROOT, "memory after the run: resident %s; heap %d MiB used of %d MiB committed "
                + "(%d MiB used after a GC)%n", rss, heap.getUsed() >> 20, heap.getCommitted() >> 20,
                afterGc.getUsed() >> 20);
    }

    /** @return VmRSS from /proc/self/status, or "unknown" off Linux */
    private static String residentMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kib >> 10) + " MiB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "unknown";
    }

    @Override
    public void close() throws InterruptedException {
        if (tcpServer != null) {
            tcpServer.close();
        }
        if (tlsServer != null) {
            tlsServer.close();
        }
    }
}
