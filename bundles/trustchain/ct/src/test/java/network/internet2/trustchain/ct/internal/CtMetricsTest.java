package network.internet2.trustchain.ct.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import network.internet2.trustchain.crypto.pq.internal.PostQuantumCryptoSuite;
import network.internet2.trustchain.ct.LogException;

/** The log's meters, read from a real log that real chains are submitted to. */
public class CtMetricsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private TestChains chains;
    private CtLog log;
    private CtMetrics metrics;

    @Before
    public void open() throws Exception {
        chains = new TestChains("CT Metrics");
        Path directory = folder.getRoot().toPath();
        log = new CtLog(TreeStorage.open(directory.resolve("tree")),
                LogKeys.loadOrCreate(directory.resolve("log-keys"), new PostQuantumCryptoSuite()),
                () -> List.of(chains.root), clock, "http://[::1]:8181/", Duration.ofHours(24));
        metrics = new CtMetrics(registry, log);
    }

    @After
    public void close() {
        metrics.deactivate();
        log.close();
    }

    @Test
    public void appendedEntriesAreCountedAndTheTreeSizeFollows() throws Exception {
        assertEquals(0.0, gauge(CtMetrics.TREE_SIZE).value(), 0.0);
        log.addChain(chains.leafChain("a.internet2.network"));
        log.addPreChain(chains.precertChain("b.internet2.network"));
        log.addChain(chains.leafChain("c.internet2.network"));

        assertEquals(3.0, appends().count(), 0.0);
        assertEquals(3.0, gauge(CtMetrics.TREE_SIZE).value(), 0.0);
        assertEquals(log.size(), (long) gauge(CtMetrics.TREE_SIZE).value());
    }

    @Test
    public void aRefusedSubmissionIsNotCounted() throws Exception {
        TestChains stranger = new TestChains("Not Accepted");
        List<X509Certificate> unknownRoot = stranger.leafChain("x.internet2.network");
        assertThrows(LogException.BadRequest.class, () -> log.addChain(unknownRoot));
        assertEquals(0.0, appends().count(), 0.0);
        assertEquals(0.0, gauge(CtMetrics.TREE_SIZE).value(), 0.0);
    }

    @Test
    public void theTreeHeadAgeIsTheTimeSinceTheLatestTreeHeadInSeconds() throws Exception {
        TimeGauge age = registry.find(CtMetrics.TREE_HEAD_AGE).timeGauge();
        assertNotNull(age);
        assertEquals(TimeUnit.SECONDS, age.baseTimeUnit());
        assertEquals(0.0, age.value(TimeUnit.SECONDS), 0.0);

        clock.advance(Duration.ofSeconds(90));
        assertEquals(90.0, age.value(TimeUnit.SECONDS), 0.0);

        log.addChain(chains.leafChain("d.internet2.network"));
        log.refreshTreeHead(Duration.ofHours(12));
        assertEquals("a grown tree gets a fresh head", 0.0, age.value(TimeUnit.SECONDS), 0.0);
        assertEquals(1, log.latestTreeHead().treeSize());
    }

    @Test
    public void deactivateRemovesEveryMeterAndStopsCounting() throws Exception {
        log.addChain(chains.leafChain("e.internet2.network"));
        Counter appends = appends();
        assertEquals(3, registry.getMeters().size());

        metrics.deactivate();

        assertTrue(registry.getMeters().toString(), registry.getMeters().isEmpty());
        log.addChain(chains.leafChain("f.internet2.network"));
        assertEquals("the removed counter is no longer fed", 1.0, appends.count(), 0.0);
        assertEquals(2, log.size());
    }

    private Gauge gauge(String name) {
        Gauge gauge = registry.find(name).gauge();
        assertNotNull(name, gauge);
        return gauge;
    }

    private Counter appends() {
        Counter counter = registry.find(CtMetrics.APPENDS).counter();
        assertNotNull(counter);
        return counter;
    }

    /** A clock that stands still until the test moves it. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is UTC only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
