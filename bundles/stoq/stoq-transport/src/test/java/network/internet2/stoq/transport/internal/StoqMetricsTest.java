package network.internet2.stoq.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqStream;

/** The transport's meters, driven by real connections and streams over [::1]. */
public class StoqMetricsTest {

    @Rule
    public Timeout timeout = Timeout.seconds(60);

    private TestEndpoints endpoints;
    private TestPki pki;
    private final SimpleMeterRegistry clientRegistry = new SimpleMeterRegistry();
    private final SimpleMeterRegistry serverRegistry = new SimpleMeterRegistry();

    @Before
    public void setUp() throws Exception {
        endpoints = new TestEndpoints();
        pki = TestPki.create("metrics-test-root");
    }

    @After
    public void tearDown() {
        endpoints.close();
    }

    @Test
    public void aConnectionAndABulkEchoShowInTheMeters() throws Exception {
        StoqEndpoint a = endpoints.start(pki.leaf("a.test"), pki.check());
        StoqEndpoint b = endpoints.start(pki.leaf("b.test"), pki.check());
        new StoqMetrics(clientRegistry, a);
        new StoqMetrics(serverRegistry, b);

        StoqConnection connection = a.connect(TestEndpoints.address(b));
        byte[] payload = new byte[3 << 20];
        new Random(7).nextBytes(payload);
        echo(connection, payload);

        assertEquals(1, handshakes(clientRegistry, "client", "success").count());
        TestEndpoints.eventually("the server's handshake is timed",
                () -> handshakes(serverRegistry, "server", "success").count() == 1);
        assertEquals(0, handshakes(clientRegistry, "client", "failure").count());
        assertTrue(handshakes(clientRegistry, "client", "success").totalTime(TimeUnit.NANOSECONDS) > 0);
        assertEquals(1.0, clientRegistry.get("stoq.connections.opened").functionCounter().count(), 0);
        assertEquals(1.0, clientRegistry.get("stoq.connections.active").gauge().value(), 0);
        assertEquals(1.0, clientRegistry.get("stoq.streams.opened").functionCounter().count(), 0);
        double sent = clientRegistry.get("stoq.bytes").tag("direction", "sent").functionCounter().count();
        double received = clientRegistry.get("stoq.bytes").tag("direction", "received").functionCounter().count();
        // headers, status bytes and chunk prefixes (the echo writes back as many chunks as it read) on top
        assertTrue("sent " + sent, sent > payload.length && sent < payload.length + 64 * 1024);
        assertTrue("received " + received, received > payload.length && received < payload.length + 64 * 1024);

        // the client's output end and input end each carried 3 MiB; so did the server's
        DistributionSummary throughput = clientRegistry.get("stoq.stream.throughput.gbps").summary();
        assertEquals(2, throughput.count());
        assertTrue("Gbit/s " + throughput.max(), throughput.max() > 0);
        TestEndpoints.eventually("the server records both directions of the stream",
                () -> serverRegistry.get("stoq.stream.throughput.gbps").summary().count() == 2);
        TestEndpoints.eventually("no stream stays active",
                () -> clientRegistry.get("stoq.streams.active").gauge().value() == 0
                        && serverRegistry.get("stoq.streams.active").gauge().value() == 0);

        connection.close();
        TestEndpoints.eventually("the connection is no longer active",
                () -> clientRegistry.get("stoq.connections.active").gauge().value() == 0);
    }

    @Test
    public void smallStreamsAreNotBulkTransfers() throws Exception {
        StoqEndpoint a = endpoints.start(pki.leaf("a.test"), pki.check());
        StoqEndpoint b = endpoints.start(pki.leaf("b.test"), pki.check());
        new StoqMetrics(clientRegistry, a);
        StoqConnection connection = a.connect(TestEndpoints.address(b));
        echo(connection, new byte[(1 << 20) - 1]);
        assertEquals(0, clientRegistry.get("stoq.stream.throughput.gbps").summary().count());
        assertEquals(1.0, clientRegistry.get("stoq.streams.opened").functionCounter().count(), 0);
    }

    @Test
    public void refusedPeersAreCountedByReasonAndTheirHandshakesAsFailures() throws Exception {
        StoqEndpoint a = endpoints.start(pki.leaf("a.test"), pki.check());
        TestPki other = TestPki.create("another-root");
        StoqEndpoint stranger = endpoints.start(other.leaf("stranger.test"), other.check());
        new StoqMetrics(clientRegistry, a);

        try {
            a.connect(TestEndpoints.address(stranger));
            fail("a server under another root was accepted");
        } catch (StoqException expected) {
            // refused
        }
        assertEquals(1.0, clientRegistry.get("stoq.refusals").tag("reason", "untrusted-root").functionCounter()
                .count(), 0);
        assertEquals(0.0, clientRegistry.get("stoq.refusals").tag("reason", "revoked").functionCounter().count(), 0);
        TestEndpoints.eventually("the failed handshake is timed",
                () -> handshakes(clientRegistry, "client", "failure").count() == 1);
        assertEquals(0, handshakes(clientRegistry, "client", "success").count());
        assertEquals(0.0, clientRegistry.get("stoq.connections.opened").functionCounter().count(), 0);
    }

    @Test
    public void theHandshakeTimerHasTheAgreedBucketsAndNoPercentiles() throws Exception {
        StoqEndpoint a = endpoints.start(pki.leaf("a.test"), pki.check());
        new StoqMetrics(clientRegistry, a);
        Timer timer = handshakes(clientRegistry, "server", "failure");
        CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
        assertEquals(10, buckets.length);
        assertEquals(1.0, buckets[0].bucket(TimeUnit.MILLISECONDS), 0);
        assertEquals(1000.0, buckets[9].bucket(TimeUnit.MILLISECONDS), 0);
        assertEquals(0, timer.takeSnapshot().percentileValues().length);
        assertEquals(4, clientRegistry.find("stoq.handshake.duration").timers().size());
        assertEquals(network.internet2.stoq.RefusalReason.values().length,
                clientRegistry.find("stoq.refusals").functionCounters().size());
    }

    @Test
    public void deactivationRemovesEveryMeterAndStopsObserving() throws Exception {
        StoqEndpoint a = endpoints.start(pki.leaf("a.test"), pki.check());
        StoqEndpoint b = endpoints.start(pki.leaf("b.test"), pki.check());
        StoqMetrics metrics = new StoqMetrics(clientRegistry, a);
        // the simple registry shows each histogram bucket as a meter of its own (name.histogram, tag le)
        List<Meter> registered = clientRegistry.getMeters().stream()
                .filter(meter -> !meter.getId().getName().endsWith(".histogram")).toList();
        assertEquals(4 + 2 + network.internet2.stoq.RefusalReason.values().length + 4 + 1, registered.size());

        metrics.deactivate();

        assertTrue(clientRegistry.getMeters().toString(), clientRegistry.getMeters().isEmpty());
        assertEquals(TransportObserver.NONE, a.observer());
        a.connect(TestEndpoints.address(b));
        assertTrue("nothing is registered again", clientRegistry.getMeters().isEmpty());
    }

    private static Timer handshakes(SimpleMeterRegistry registry, String side, String outcome) {
        return registry.get("stoq.handshake.duration").tag("side", side).tag("outcome", outcome).timer();
    }

    private static void echo(StoqConnection connection, byte[] payload) throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (StoqStream stream = connection.openStream("echo")) {
            Future<?> written = writer.submit(() -> {
                stream.output().write(payload);
                stream.output().close();
                return null;
            });
            byte[] back = stream.input().readAllBytes();
            written.get(30, TimeUnit.SECONDS);
            assertEquals(payload.length, back.length);
        } finally {
            writer.shutdownNow();
        }
    }
}
