package network.internet2.trustchain.ca.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.InvalidRequestException;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;
import network.internet2.trustchain.ca.UnknownCertificateException;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoSuite;

/** The CA's meters, fed by real issuances, renewals, revocations and validations of the CA's core. */
public class CaMetricsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final SuiteLookup suites = id -> CryptoSuite.CLASSICAL.equals(id) ? TestSuites.classical()
            : TestSuites.postQuantum();
    private final SettableClock clock = new SettableClock(Instant.now());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private HybridCertificateAuthority ca;
    private CaMetrics metrics;

    @Before
    public void open() throws CaException {
        ca = openCa();
        metrics = new CaMetrics(registry, (MeasuredAuthority) ca);
    }

    @After
    public void close() throws Exception {
        metrics.deactivate();
        ca.close();
    }

    @Test
    public void everyOperationIsTimedWithItsOutcome() throws Exception {
        IssuedCertificate first = ca.issue(request("node1.internet2.network", null));
        IssuedCertificate second = ca.issue(request("node2.internet2.network", null));
        assertThrows(InvalidRequestException.class, () -> ca.issue(request("node1.example.org", null)));
        ca.renew(first.serial());
        assertThrows(UnknownCertificateException.class, () -> ca.renew(BigInteger.valueOf(42)));
        ca.revoke(second.serial(), RevocationReason.KEY_COMPROMISE);
        assertThrows(UnknownCertificateException.class,
                () -> ca.revoke(BigInteger.valueOf(43), RevocationReason.UNSPECIFIED));
        assertTrue(ca.validate(chainOf(first), "node1.internet2.network").valid());
        assertFalse("revoked", ca.validate(chainOf(second), "node2.internet2.network").valid());
        assertFalse("wrong name", ca.validate(chainOf(first), "node9.internet2.network").valid());

        assertEquals(2, timer("issue", CaMetrics.SUCCESS).count());
        assertEquals(1, timer("issue", CaMetrics.FAILURE).count());
        assertEquals(1, timer("renew", CaMetrics.SUCCESS).count());
        assertEquals(1, timer("renew", CaMetrics.FAILURE).count());
        assertEquals(1, timer("revoke", CaMetrics.SUCCESS).count());
        assertEquals(1, timer("revoke", CaMetrics.FAILURE).count());
        assertEquals(1, timer("validate", CaMetrics.SUCCESS).count());
        assertEquals(2, timer("validate", CaMetrics.FAILURE).count());
        assertTrue(timer("issue", CaMetrics.SUCCESS).max(TimeUnit.NANOSECONDS) > 0);
    }

    @Test
    public void theTimersHaveExactlyTheServiceLevelBucketsAndExistBeforeAnyOperation() {
        assertEquals("every operation and outcome", 8, registry.find(CaMetrics.OPERATION_DURATION).timers().size());
        double[] millis = Arrays.stream(timer("issue", CaMetrics.SUCCESS).takeSnapshot().histogramCounts())
                .mapToDouble(bucket -> bucket.bucket(TimeUnit.MILLISECONDS)).toArray();
        assertArrayEquals(new double[] {1, 2, 5, 10, 20, 35, 50, 100, 200, 500, 1000}, millis, 1e-9);
    }

    @Test
    public void activeCertificatesLeaveTheCountWhenRevokedOrExpiredAndRevocationsAreCounted() throws Exception {
        IssuedCertificate shortA = ca.issue(request("a.internet2.network", Duration.ofHours(1)));
        ca.issue(request("b.internet2.network", Duration.ofHours(1)));
        ca.issue(request("c.internet2.network", Duration.ofHours(24)));
        assertEquals(3.0, gauge(CaMetrics.ACTIVE_CERTIFICATES), 0.0);
        assertEquals(0.0, gauge(CaMetrics.REVOCATIONS), 0.0);

        ca.revoke(shortA.serial(), RevocationReason.SUPERSEDED);
        ca.revoke(shortA.serial(), RevocationReason.SUPERSEDED);
        assertEquals(2.0, gauge(CaMetrics.ACTIVE_CERTIFICATES), 0.0);
        assertEquals("revoking twice counts once", 1.0, gauge(CaMetrics.REVOCATIONS), 0.0);

        clock.advance(Duration.ofHours(2));
        assertEquals("b expired", 1.0, gauge(CaMetrics.ACTIVE_CERTIFICATES), 0.0);
    }

    @Test
    public void theFiguresSurviveARestartOfTheCa() throws Exception {
        IssuedCertificate revoked = ca.issue(request("a.internet2.network", null));
        ca.issue(request("b.internet2.network", null));
        ca.revoke(revoked.serial(), RevocationReason.CESSATION_OF_OPERATION);
        metrics.deactivate();
        ca.close();

        ca = openCa();
        metrics = new CaMetrics(registry, (MeasuredAuthority) ca);

        assertEquals(1.0, gauge(CaMetrics.ACTIVE_CERTIFICATES), 0.0);
        assertEquals(1.0, gauge(CaMetrics.REVOCATIONS), 0.0);
        assertEquals("a new component starts its timers afresh", 0, timer("issue", CaMetrics.SUCCESS).count());
    }

    @Test
    public void deactivateRemovesEveryMeterAndStopsObserving() throws Exception {
        ca.issue(request("node1.internet2.network", null));
        Timer issued = timer("issue", CaMetrics.SUCCESS);
        assertEquals(8, registry.find(CaMetrics.OPERATION_DURATION).timers().size());
        assertNotNull(registry.find(CaMetrics.ACTIVE_CERTIFICATES).gauge());
        assertNotNull(registry.find(CaMetrics.REVOCATIONS).gauge());

        metrics.deactivate();

        assertTrue(registry.getMeters().toString(), registry.getMeters().isEmpty());
        ca.issue(request("node2.internet2.network", null));
        assertEquals("the removed timer is no longer fed", 1, issued.count());
        assertTrue(registry.getMeters().isEmpty());
    }

    private HybridCertificateAuthority openCa() throws CaException {
        return HybridCertificateAuthority.open(new CaSettings(folder.getRoot().toPath().resolve("ca"),
                folder.getRoot().toPath().resolve("pass"), "internet2.network", Duration.ofHours(24),
                Duration.ofDays(90), Duration.ofDays(3650), true), suites, clock, PrecertificateLog.NONE);
    }

    private CertificateRequest request(String name, Duration validity) throws Exception {
        KeyPair classical = TestSuites.classical().generateKeyPair(Algorithms.ECDSA_P256);
        KeyPair falcon = TestSuites.postQuantum().generateKeyPair(Algorithms.FALCON_1024);
        return new CertificateRequest(NodeCsr.hybrid(List.of(name), classical, falcon, suites), validity);
    }

    private static List<X509Certificate> chainOf(IssuedCertificate issued) {
        return List.of(issued.certificate(), issued.chain().get(0));
    }

    private Timer timer(String operation, String outcome) {
        Timer timer = registry.find(CaMetrics.OPERATION_DURATION).tags("operation", operation, "outcome", outcome)
                .timer();
        assertNotNull(operation + "/" + outcome, timer);
        return timer;
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
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
