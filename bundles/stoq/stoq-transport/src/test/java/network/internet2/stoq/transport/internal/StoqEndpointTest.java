package network.internet2.stoq.transport.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;
import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqStream;

public class StoqEndpointTest {

    @Rule
    public Timeout timeout = Timeout.seconds(60);

    private static final Inet6Address LOOPBACK = TransportSettings.ipv6Literal("::1");

    private final List<StoqEndpoint> endpoints = new ArrayList<>();
    private final Map<String, StoqService> services = new ConcurrentHashMap<>();
    private final Map<String, List<Inet6Address>> names = new ConcurrentHashMap<>();
    private TestPki pki;

    @Before
    public void setUp() throws Exception {
        pki = TestPki.create("stoq-test-root");
        services.put("echo", StoqEndpointTest::echo);
        names.put("a.test", List.of(LOOPBACK));
        names.put("b.test", List.of(LOOPBACK));
    }

    @After
    public void tearDown() {
        for (StoqEndpoint endpoint : endpoints) {
            endpoint.close();
        }
    }

    // ---- scenarios ----

    @Test
    public void endpointsOnIpv6LoopbackConnectWithMutualTls() throws Exception {
        CompletableFuture<String> clientSeenByServer = new CompletableFuture<>();
        services.put("whoami", stream -> {
            clientSeenByServer.complete(stream.peer().name());
            stream.output().write(stream.peer().name().getBytes(StandardCharsets.UTF_8));
        });
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"));

        StoqConnection connection = a.connect("b.test", port(b));

        assertEquals("b.test", connection.peer().name());
        assertTrue(connection.remoteAddress().getAddress() instanceof Inet6Address);
        try (StoqStream stream = connection.openStream("whoami")) {
            assertEquals("a.test", new String(stream.input().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("a.test", clientSeenByServer.get(10, TimeUnit.SECONDS));
        assertEquals(1, a.counters().handshakesOk());
        eventually("the server counts the handshake", () -> b.counters().handshakesOk() == 1);
    }

    @Test
    public void echoRoundTripsEightMebibytesWithBackpressure() throws Exception {
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"));
        byte[] payload = new byte[8 << 20];
        new Random(42).nextBytes(payload);

        StoqConnection connection = a.connect(address(b));
        QuicStoqStream stream = (QuicStoqStream) connection.openStream("echo");
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            Future<?> written = writer.submit(() -> {
                OutputStream out = stream.output();
                for (int off = 0; off < payload.length; off += 256 * 1024) {
                    out.write(payload, off, Math.min(256 * 1024, payload.length - off));
                }
                out.close();
                return null;
            });
            // Read nothing until the input queue is full and reading from QUIC has paused: backpressure.
            eventually("the client's input queue pauses QUIC reads", () -> stream.inputPauses() > 0);
            byte[] echoed = readAll(stream.input(), payload.length);
            written.get(30, TimeUnit.SECONDS);
            long nanos = System.nanoTime() - start;

            assertArrayEquals(sha256(payload), sha256(echoed));
            assertTrue("queued input stays bounded, peak was " + stream.peakQueuedBytes(),
                    stream.peakQueuedBytes() <= QuicStoqStream.INPUT_HIGH_WATER + 256 * 1024);
            double mbit = payload.length * 2 * 8 / (nanos / 1e9) / 1e6;
            System.out.printf("8 MiB echo over ::1 (%s): %.0f ms, %.0f Mbit/s counting both directions%n",
                    a.nativeTransport() ? "epoll" : "NIO", nanos / 1e6, mbit);
        } finally {
            writer.shutdownNow();
            stream.close();
        }
    }

    @Test
    public void sixteenConcurrentStreamsShareOneConnection() throws Exception {
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"));
        StoqConnection connection = a.connect(address(b));
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                byte[] payload = new byte[128 * 1024];
                new Random(i).nextBytes(payload);
                results.add(clients.submit(() -> {
                    try (StoqStream stream = connection.openStream("echo")) {
                        ExecutorService w = Executors.newSingleThreadExecutor();
                        try {
                            w.submit(() -> {
                                stream.output().write(payload);
                                stream.output().close();
                                return null;
                            });
                            return java.util.Arrays.equals(payload, readAll(stream.input(), payload.length));
                        } finally {
                            w.shutdownNow();
                        }
                    }
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(30, TimeUnit.SECONDS));
            }
            assertSame(connection, a.connect(address(b)));
            assertEquals(1, a.counters().connectionsOpened());
            assertEquals(16, a.counters().streamsOpened());
            eventually("the server served 16 streams", () -> b.counters().streamsOpened() == 16);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    public void manyMoreStreamsThanTheLimitFromConcurrentCallersOnOneConnection() throws Exception {
        // 4 callers x 400 short streams on one connection whose peer allows 128 at once: the credit check and the
        // stream's creation are one step, so Netty's count of the peer's credit never drops below 0 (it did, and
        // the connection could no longer open streams)
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"));
        StoqConnection connection = a.connect(address(b));
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int caller = 0; caller < 4; caller++) {
                results.add(callers.submit(() -> {
                    int done = 0;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (done < 400 && System.nanoTime() < deadline) {
                        try (StoqStream stream = connection.openStream("echo")) {
                            stream.output().write(new byte[] {1, 2, 3, 4});
                            stream.output().close();
                            if (readAll(stream.input(), 4).length != 4) {
                                return done;
                            }
                        }
                        done++;
                    }
                    return done;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(400, (int) result.get(90, TimeUnit.SECONDS));
            }
            assertSame(connection, a.connect(address(b)));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    public void unidirectionalStreamDeliversData() throws Exception {
        CompletableFuture<byte[]> received = new CompletableFuture<>();
        services.put("sink", stream -> {
            assertFalse(stream.bidirectional());
            received.complete(stream.input().readAllBytes());
        });
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"));
        byte[] payload = new byte[300_000];
        new Random(7).nextBytes(payload);

        try (StoqStream stream = a.connect(address(b)).openUnidirectionalStream("sink")) {
            assertEquals(-1, stream.input().read());
            stream.output().write(payload);
            stream.output().close();
        }

        assertArrayEquals(payload, received.get(10, TimeUnit.SECONDS));
    }

    /**
     * Regression for quiche issue 2525: a FIN written alone while the stream's last data is still in flight
     * (congestion window full, so the FIN waits) is dropped when that data's acknowledgement arrives first, and
     * the reader waited for an end that never came. Fresh connections (small congestion windows) and transfers
     * larger than the initial window make the FIN wait. The race is narrow: with a bare FIN it hit about one
     * transfer in 50 on a loaded 2-core machine and rarely on an idle one, so this test catches a regression
     * only sometimes; the end marker now carries the FIN, so every transfer must end.
     */
    @Test
    public void everyTransferOnAFreshConnectionEnds() throws Exception {
        AtomicReference<CompletableFuture<byte[]>> digest = new AtomicReference<>();
        services.put("sink", stream -> {
            try {
                digest.get().complete(sha256(stream.input().readAllBytes()));
            } catch (Exception e) {
                digest.get().completeExceptionally(e);
            }
        });
        StoqEndpoint b = start(pki.leaf("b.test"));
        NodeKeys aKeys = pki.leaf("a.test");
        byte[] payload = new byte[200_000];
        for (int i = 0; i < 25; i++) {
            new Random(i).nextBytes(payload);
            digest.set(new CompletableFuture<>());
            try (StoqEndpoint a = new StoqEndpoint(settings(), () -> aKeys, pki.check(),
                    ConnectionGate.ADMIT_ALL, name -> Optional.empty(), name -> List.of())) {
                a.start();
                try (StoqStream stream = a.connect(address(b)).openUnidirectionalStream("sink")) {
                    stream.output().write(payload);
                }
                assertArrayEquals("transfer " + i, sha256(payload), digest.get().get(10, TimeUnit.SECONDS));
            }
        }
    }

    /** Finishing a stream long after its last write (everything acknowledged meanwhile) still ends it. */
    @Test
    public void closingLongAfterTheLastWriteStillEndsTheStream() throws Exception {
        CompletableFuture<byte[]> received = new CompletableFuture<>();
        services.put("sink", stream -> {
            try {
                received.complete(stream.input().readAllBytes());
            } catch (IOException e) {
                received.completeExceptionally(e);
            }
        });
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"));
        StoqConnection connection = a.connect(address(b));
        try (StoqStream uni = connection.openUnidirectionalStream("sink")) {
            uni.output().write(new byte[] {1, 2, 3});
            Thread.sleep(300);
        }
        assertArrayEquals(new byte[] {1, 2, 3}, received.get(10, TimeUnit.SECONDS));
        try (StoqStream echo = connection.openStream("echo")) {
            echo.output().write(new byte[] {4, 5});
            assertEquals(4, echo.input().read());
            assertEquals(5, echo.input().read());
            Thread.sleep(300);
            echo.output().close();
            // the echo service finishes its side after reading ours: that end arrives too
            assertEquals(-1, echo.input().read());
        }
    }

    @Test
    public void aStreamCutOffWithoutItsEndMarkerIsAnErrorNotAnEnd() throws Exception {
        // a chunk of 4 bytes announced, 2 sent, then FIN
        assertRawStreamFails(new byte[] {4, 9, 9}, "ended without its end marker");
    }

    @Test
    public void anOversizedChunkIsRefused() throws Exception {
        // a 4-byte length prefix announcing 2^29 bytes, more than a reader accepts
        assertRawStreamFails(new byte[] {(byte) 0xa0, 0, 0, 0, 1, 2, 3}, "larger than");
    }

    /** Sends the header for "sink", then {@code payload} with FIN on a raw stream; the service's read must fail. */
    private void assertRawStreamFails(byte[] payload, String message) throws Exception {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        services.put("sink", stream -> {
            try {
                outcome.complete(stream.input().readAllBytes());
            } catch (IOException e) {
                outcome.complete(e);
            }
        });
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"));
        QuicConnection connection = (QuicConnection) a.connect(address(b));
        QuicStreamChannel raw = connection.channel()
                .createStream(QuicStreamType.UNIDIRECTIONAL, new ChannelInboundHandlerAdapter()).sync().getNow();
        byte[] header = StreamHeader.encode("sink");
        byte[] wire = new byte[header.length + payload.length];
        System.arraycopy(header, 0, wire, 0, header.length);
        System.arraycopy(payload, 0, wire, header.length, payload.length);
        raw.writeAndFlush(new io.netty.handler.codec.quic.DefaultQuicStreamFrame(Unpooled.wrappedBuffer(wire), true))
                .sync();
        Object result = outcome.get(10, TimeUnit.SECONDS);
        assertTrue("the read must fail, got " + result, result instanceof StoqException);
        assertTrue(((StoqException) result).getMessage(), ((StoqException) result).getMessage().contains(message));
        // the connection still serves well-formed streams
        try (StoqStream stream = connection.openStream("echo")) {
            stream.output().write(new byte[] {7});
            stream.output().close();
            assertArrayEquals(new byte[] {7}, stream.input().readAllBytes());
        }
    }

    @Test
    public void unknownServiceGivesTheClientAClearError() throws Exception {
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"));
        StoqConnection connection = a.connect(address(b));
        try (StoqStream stream = connection.openStream("nope")) {
            stream.input().read();
            fail("reading a stream to a missing service must fail");
        } catch (StoqException e) {
            assertEquals("peer has no service 'nope'", e.getMessage());
        }
        CompletableFuture<Void> unknownUni = new CompletableFuture<>();
        try (StoqStream stream = connection.openUnidirectionalStream("nope-either")) {
            stream.output().write(1);
        }
        eventually("the server counts both unknown services", () -> b.counters().unknownServices() == 2);
        unknownUni.complete(null);
        // the connection still works
        try (StoqStream stream = connection.openStream("echo")) {
            stream.output().write(new byte[] {1, 2, 3});
            stream.output().close();
            assertArrayEquals(new byte[] {1, 2, 3}, stream.input().readAllBytes());
        }
    }

    @Test
    public void clientRefusesServerWhoseCertificateTheCheckRefuses() throws Exception {
        TestPki rogue = TestPki.create("rogue-root");
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(rogue.leaf("b.test"), rogue.check());

        try {
            a.connect(address(b));
            fail("a server with an untrusted certificate must be refused");
        } catch (PeerRefusedException e) {
            System.out.println("client whose own check refused the server sees: " + e.getMessage());
            assertEquals(RefusalReason.UNTRUSTED_ROOT, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("does not lead to the test root"));
        }
        assertEquals(1, a.counters().refusals(RefusalReason.UNTRUSTED_ROOT));
        assertNoConnectionsLeft(a, b);
        assertEquals(0, a.counters().connectionsActive());
        assertEquals(0, b.counters().connectionsActive());
    }

    @Test
    public void serverRefusesClientWhoseCertificateTheCheckRefuses() throws Exception {
        TestPki rogue = TestPki.create("rogue-root");
        StoqEndpoint rogueClient = start(rogue.leaf("a.test"), pki.check());
        StoqEndpoint b = start(pki.leaf("b.test"));

        try {
            rogueClient.connect(address(b));
            fail("a client with an untrusted certificate must be refused");
        } catch (PeerRefusedException e) {
            fail("the client's own check accepted; the refusal is the server's: " + e);
        } catch (StoqException e) {
            System.out.println("client refused by the server's check sees: " + e.getMessage());
            assertTrue(e.getMessage(), e.getMessage().contains("closed the handshake"));
            assertTrue(e.getMessage(), e.getMessage().contains("TLS alert"));
        }
        eventually("the server counts the refusal", () -> b.counters().refusals(RefusalReason.UNTRUSTED_ROOT) == 1);
        assertNoConnectionsLeft(rogueClient, b);
        assertEquals(0, b.counters().connectionsActive());
        assertEquals(0, b.counters().connectionsOpened());
    }

    @Test
    public void clientWithoutCertificateIsRefused() throws Exception {
        StoqEndpoint anonymous = start(() -> null, pki.check());
        StoqEndpoint b = start(pki.leaf("b.test"));
        try {
            anonymous.connect(address(b));
            fail("a client without a certificate must be refused");
        } catch (StoqException e) {
            System.out.println("client without certificate sees: " + e.getMessage());
            assertTrue(e.getMessage(), e.getMessage().contains("closed the handshake"));
        }
        assertNoConnectionsLeft(anonymous, b);
        assertEquals(0, b.counters().connectionsOpened());
    }

    @Test
    public void ipv4AndIpv4MappedAddressesAreRefusedWithAClearMessage() throws Exception {
        StoqEndpoint a = start(pki.leaf("a.test"));
        List<ThrowingCall> attempts = List.of(
                () -> a.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 4433)),
                () -> a.connect(new InetSocketAddress(InetAddress.getByName("::ffff:127.0.0.1"), 4433)),
                () -> a.connect(new InetSocketAddress(Inet6Address.getByAddress(null,
                        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1}, -1), 4433)),
                () -> a.connect("127.0.0.1", 4433),
                () -> a.connect("::ffff:127.0.0.1", 4433));
        for (ThrowingCall attempt : attempts) {
            try {
                attempt.call();
                fail("an IPv4 address must be refused");
            } catch (PeerRefusedException e) {
                assertEquals(RefusalReason.IPV4_ADDRESS, e.reason());
                assertTrue(e.getMessage(), e.getMessage().contains("IPv6 only"));
            }
        }
        assertEquals(5, a.counters().refusals(RefusalReason.IPV4_ADDRESS));
        try {
            TransportSettings.ipv6Literal("::ffff:10.0.0.1");
            fail("an IPv4-mapped bind address must be refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("IPv4-mapped"));
        }
        try {
            TransportSettings.ipv6Literal("10.0.0.1");
            fail("an IPv4 bind address must be refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("IPv6 only"));
        }
    }

    @Test
    public void pooledConnectionIsReusedWhileOpen() throws Exception {
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"));
        StoqConnection first = a.connect(address(b));
        assertSame(first, a.connect(address(b)));
        assertSame(first, a.connect("b.test", port(b)));
        assertEquals(1, a.counters().connectionsOpened());

        first.close();
        eventually("the closed connection leaves the pool", () -> !first.isOpen() && a.connectionCount() == 0);
        StoqConnection second = a.connect(address(b));
        assertNotSame(first, second);
        assertTrue(second.isOpen());
        assertEquals(2, a.counters().connectionsOpened());

        // a connection closed a moment ago is never handed out again, even before its close completes
        for (int i = 0; i < 5; i++) {
            StoqConnection previous = a.connect(address(b));
            previous.close();
            assertNotSame(previous, a.connect(address(b)));
        }
    }

    @Test
    public void renewedKeyMaterialIsUsedByTheNextConnection() throws Exception {
        services.put("serial", stream -> stream.output().write(
                stream.peer().certificate().getSerialNumber().toString().getBytes(StandardCharsets.UTF_8)));
        AtomicReference<NodeKeys> aKeys = new AtomicReference<>(pki.leaf("a.test"));
        AtomicReference<NodeKeys> bKeys = new AtomicReference<>(pki.leaf("b.test"));
        StoqEndpoint a = start(aKeys::get, pki.check());
        StoqEndpoint b = start(bKeys::get, pki.check());

        StoqConnection first = a.connect(address(b));
        assertEquals(bKeys.get().certificate(), first.peer().certificate());
        assertEquals(aKeys.get().certificate().getSerialNumber().toString(), serialSeenByServer(first));

        aKeys.set(pki.leaf("a.test"));
        bKeys.set(pki.leaf("b.test"));
        first.close();
        eventually("the old connection is gone", () -> a.connectionCount() == 0);

        StoqConnection second = a.connect(address(b));
        assertEquals("the server presents its renewed certificate", bKeys.get().certificate(),
                second.peer().certificate());
        assertEquals("the client presents its renewed certificate",
                aKeys.get().certificate().getSerialNumber().toString(), serialSeenByServer(second));
    }

    @Test
    public void closingTheEndpointClosesEverything() throws Exception {
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"));
        StoqConnection connection = a.connect(address(b));
        StoqStream stream = connection.openStream("echo");
        stream.output().write(new byte[] {1});
        eventually("the server has the connection", () -> b.connectionCount() == 1);

        a.close();

        assertTrue("event loops and workers terminated", a.terminated());
        assertFalse(connection.isOpen());
        assertTrue(a.listeners().isEmpty());
        eventually("no thread of the endpoint is left", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith(a.threadNamePrefix())));
        eventually("the peer learns of the close", () -> b.connectionCount() == 0);
        try {
            a.connect(address(b));
            fail("a closed endpoint must not connect");
        } catch (StoqException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("closed"));
        }
    }

    @Test
    public void garbageDatagramsAreDroppedAndTheListenerStillAccepts() throws Exception {
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"));
        Random random = new Random(1);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            for (int i = 0; i < 200; i++) {
                byte[] junk = new byte[1 + random.nextInt(1400)];
                random.nextBytes(junk);
                if (i % 2 == 0 && junk.length > 6) {
                    // looks like a QUIC v1 Initial long header, then garbage
                    junk[0] = (byte) 0xc0;
                    junk[1] = 0;
                    junk[2] = 0;
                    junk[3] = 0;
                    junk[4] = 1;
                }
                socket.send(new DatagramPacket(junk, junk.length, address(b)));
            }
        }
        StoqConnection connection = a.connect(address(b));
        try (StoqStream stream = connection.openStream("echo")) {
            stream.output().write("still here".getBytes(StandardCharsets.UTF_8));
            stream.output().close();
            assertEquals("still here", new String(stream.input().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    public void silentPeerTimesOutAsHandshakeTimeout() throws Exception {
        StoqEndpoint a = start(pki.leaf("a.test"), pki.check(),
                settings().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(800), Duration.ofSeconds(1)));
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            a.connect(new InetSocketAddress(LOOPBACK, silent.getLocalPort()));
            fail("a silent peer must time out");
        } catch (PeerRefusedException e) {
            assertEquals(RefusalReason.HANDSHAKE_TIMEOUT, e.reason());
        }
        assertEquals(1, a.counters().refusals(RefusalReason.HANDSHAKE_TIMEOUT));
        eventually("the attempt is forgotten", () -> a.connectionCount() == 0);
    }

    @Test
    public void malformedStreamHeadersAreResetAndCounted() throws Exception {
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"));
        QuicConnection connection = (QuicConnection) a.connect(address(b));
        byte[][] headers = {
            {2, 4, 'e', 'c', 'h', 'o'}, // unknown version
            {1, 0}, // empty name
            {1, 2, (byte) 0xc3, (byte) 0x28}, // not UTF-8
        };
        for (byte[] header : headers) {
            QuicStreamChannel raw = connection.channel()
                    .createStream(QuicStreamType.BIDIRECTIONAL, new ChannelInboundHandlerAdapter()).sync().getNow();
            raw.writeAndFlush(Unpooled.wrappedBuffer(header)).sync();
        }
        eventually("three malformed headers counted", () -> b.counters().malformedHeaders() == 3);
        // the connection still serves well-formed streams
        try (StoqStream stream = connection.openStream("echo")) {
            stream.output().close();
            assertEquals(-1, stream.input().read());
        }
    }

    @Test
    public void incompleteHeaderIsResetAfterTheHeaderTimeout() throws Exception {
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint b = start(pki.leaf("b.test"), pki.check(),
                settings().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMillis(300)));
        QuicConnection connection = (QuicConnection) a.connect(address(b));
        QuicStreamChannel raw = connection.channel()
                .createStream(QuicStreamType.BIDIRECTIONAL, new ChannelInboundHandlerAdapter()).sync().getNow();
        raw.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1, 10, 'e'})).sync();
        eventually("the late header is counted", () -> b.counters().malformedHeaders() == 1);
    }

    @Test
    public void excessIncomingConnectionsAreClosedWithAnApplicationError() throws Exception {
        StoqEndpoint b = start(pki.leaf("b.test"), pki.check(), settings().withMaxConnections(1));
        StoqEndpoint a = start(pki.leaf("a.test"));
        StoqEndpoint c = start(pki.leaf("a.test"));
        StoqConnection first = a.connect(address(b));
        assertTrue(first.isOpen());
        try {
            c.connect(address(b));
            fail("a connection over the limit must be refused");
        } catch (StoqException e) {
            System.out.println("client over the connection limit sees: " + e.getMessage());
            assertTrue(e.getMessage(), e.getMessage().contains("connection-limit"));
        }
        eventually("the server counts the excess connection", () -> b.counters().connectionsOverLimit() == 1);
        assertTrue(first.isOpen());
    }

    @Test
    public void settingsRefuseBadValuesWithClearMessages() {
        TransportSettings defaults = settings();
        assertEquals(List.of(TransportSettings.X25519_MLKEM768), defaults.keyExchangeGroups());
        assertEquals(1350, defaults.maxUdpPayload());
        expectIllegal("keyExchangeGroups", () -> defaults.withKeyExchangeGroups(List.of("X25519")), "not supported");
        expectIllegal("maxUdpPayload", () -> defaults.withUdp(1000, 0), "maxUdpPayload is 1000");
        expectIllegal("port", () -> defaults.withPort(70000), "port is 70000");
        expectIllegal("idleTimeout", () -> defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1)), "idleTimeout");
        defaults.withKeyExchangeGroups(List.of(TransportSettings.MLKEM1024));
        expectIllegal("congestionControl", () -> defaults.withSpeed("vegas", true), "'vegas' is not known");
        expectIllegal("socketBufferBytes", () -> defaults.withUdp(1350, 1000), "socketBufferBytes is 1000");
        assertEquals(TransportSettings.DEFAULT_SOCKET_BUFFER, defaults.socketBufferBytes());
    }

    /** With epoll the listener is one SO_REUSEPORT socket per event loop; connections from many peers all work. */
    @Test
    public void theListenerSpreadsOverOneSocketPerEventLoop() throws Exception {
        StoqEndpoint b = start(pki.leaf("b.test"), pki.check(), settings().withThreads(3, 8));
        assertEquals(io.netty.channel.epoll.Epoll.isAvailable() ? 3 : 1, b.listenerSockets());
        assertEquals(1, b.listeners().size());
        for (int i = 0; i < 8; i++) {
            StoqEndpoint a = start(pki.leaf("a.test"));
            try (StoqStream stream = a.connect(address(b)).openStream("echo")) {
                stream.output().write(new byte[] {(byte) i});
                stream.output().close();
                assertArrayEquals(new byte[] {(byte) i}, stream.input().readAllBytes());
            }
        }
        assertEquals(8, b.counters().snapshot().get("handshakes.ok").longValue());
        int port = port(b);
        b.close();
        // every socket is released: the port can be bound again at once
        StoqEndpoint again = start(pki.leaf("b.test"), pki.check(), settings().withThreads(3, 8)
                .withPort(port));
        assertEquals(port, port(again));
    }

    /** Every congestion control, with UDP offload on and off, moves a transfer intact. */
    @Test
    public void transfersWorkWithEachCongestionControlAndWithoutOffload() throws Exception {
        services.put("digest", stream -> {
            try {
                stream.output().write(sha256(stream.input().readAllBytes()));
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        byte[] payload = new byte[3_000_000];
        new Random(11).nextBytes(payload);
        for (String congestion : TransportSettings.CONGESTION_CONTROLS) {
            for (boolean offload : new boolean[] {true, false}) {
                TransportSettings speed = settings().withSpeed(congestion, offload);
                StoqEndpoint a = start(pki.leaf("a.test"), pki.check(), speed);
                StoqEndpoint b = start(pki.leaf("b.test"), pki.check(), speed);
                if (offload && io.netty.channel.epoll.Epoll.isAvailable()
                        && io.netty.channel.epoll.SegmentedDatagramPacket.isSupported()) {
                    assertTrue("GSO/GRO in use on Linux with epoll", a.udpOffload() && b.udpOffload());
                } else if (!offload) {
                    assertFalse(a.udpOffload());
                }
                try (StoqStream stream = a.connect(address(b)).openStream("digest")) {
                    stream.output().write(payload);
                    stream.output().close();
                    assertArrayEquals(congestion + " offload=" + offload, sha256(payload),
                            stream.input().readAllBytes());
                }
                a.close();
                b.close();
            }
        }
    }

    @Test
    public void mlKem1024IsSelectableOnBothSides() throws Exception {
        TransportSettings pure = settings().withKeyExchangeGroups(List.of(TransportSettings.MLKEM1024));
        StoqEndpoint a = start(pki.leaf("a.test"), pki.check(), pure);
        StoqEndpoint b = start(pki.leaf("b.test"), pki.check(), pure);
        assertTrue(a.connect(address(b)).isOpen());

        StoqEndpoint hybridOnly = start(pki.leaf("a.test"));
        try {
            hybridOnly.connect(address(b));
            fail("without a shared group the handshake must fail");
        } catch (StoqException e) {
            System.out.println("client without a shared key-exchange group sees: " + e.getMessage());
            assertTrue(e.getMessage(), e.getMessage().contains("closed the handshake"));
        }
    }

    @Test
    public void largeDatagramsWorkOnLoopback() throws Exception {
        TransportSettings jumbo = settings().withUdp(16_000, 4 << 20);
        StoqEndpoint a = start(pki.leaf("a.test"), pki.check(), jumbo);
        StoqEndpoint b = start(pki.leaf("b.test"), pki.check(), jumbo);
        byte[] payload = new byte[2 << 20];
        new Random(3).nextBytes(payload);
        try (StoqStream stream = a.connect(address(b)).openStream("echo")) {
            ExecutorService w = Executors.newSingleThreadExecutor();
            try {
                w.submit(() -> {
                    stream.output().write(payload);
                    stream.output().close();
                    return null;
                });
                assertArrayEquals(payload, readAll(stream.input(), payload.length));
            } finally {
                w.shutdownNow();
            }
        }
    }

    // ---- helpers ----

    private interface ThrowingCall {
        void call() throws Exception;
    }

    private static void expectIllegal(String what, Runnable action, String message) {
        try {
            action.run();
            fail(what + " must be refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(message));
        }
    }

    private static TransportSettings settings() {
        return TransportSettings.defaults(LOOPBACK)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(2))
                .withThreads(2, 32);
    }

    private StoqEndpoint start(NodeKeys keys) throws StoqException {
        return start(() -> keys, pki.check(), settings());
    }

    private StoqEndpoint start(NodeKeys keys, PeerCheck check) throws StoqException {
        return start(() -> keys, check, settings());
    }

    private StoqEndpoint start(NodeKeys keys, PeerCheck check, TransportSettings settings) throws StoqException {
        return start(() -> keys, check, settings);
    }

    private StoqEndpoint start(Supplier<NodeKeys> keys, PeerCheck check) throws StoqException {
        return start(keys, check, settings());
    }

    private StoqEndpoint start(Supplier<NodeKeys> keys, PeerCheck check, TransportSettings settings)
            throws StoqException {
        StoqEndpoint endpoint = new StoqEndpoint(settings, keys, check, ConnectionGate.ADMIT_ALL,
                name -> Optional.ofNullable(services.get(name)), name -> names.getOrDefault(name, List.of()));
        endpoints.add(endpoint);
        endpoint.start();
        return endpoint;
    }

    private static int port(StoqEndpoint endpoint) {
        return endpoint.listeners().get(0).getPort();
    }

    private static InetSocketAddress address(StoqEndpoint endpoint) {
        return new InetSocketAddress(LOOPBACK, port(endpoint));
    }

    private static void echo(StoqStream stream) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        InputStream in = stream.input();
        OutputStream out = stream.output();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
    }

    private static String serialSeenByServer(StoqConnection connection) throws IOException {
        try (StoqStream stream = connection.openStream("serial")) {
            return new String(stream.input().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] readAll(InputStream in, int expected) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(expected);
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static void assertNoConnectionsLeft(StoqEndpoint... endpoints) {
        for (StoqEndpoint endpoint : endpoints) {
            eventually("no connection left on " + endpoint, () -> endpoint.connectionCount() == 0);
        }
    }

    /** Waits for a condition, at most 10 s. */
    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
