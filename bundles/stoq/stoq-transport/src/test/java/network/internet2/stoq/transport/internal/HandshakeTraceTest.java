package network.internet2.stoq.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

import network.internet2.stoq.HandshakeStep;
import network.internet2.stoq.HandshakeTrace;
import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;
import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;

/** The validation steps a connection reports, and fresh connections outside the pool. */
public class HandshakeTraceTest {

    @Rule
    public Timeout timeout = Timeout.seconds(60);

    private TestEndpoints endpoints;
    private TestPki pki;

    @Before
    public void setUp() throws Exception {
        endpoints = new TestEndpoints();
        pki = TestPki.create("trace-test-root");
        endpoints.names.put("self.test", List.of(TestEndpoints.LOOPBACK));
    }

    @After
    public void tearDown() {
        endpoints.close();
    }

    @Test
    public void aNodeConnectingToItselfSeesBothSidesStepByStep() throws Exception {
        StoqEndpoint node = endpoints.start(pki.leaf("self.test"), pki.check());

        StoqConnection connection = node.connectNew("self.test", TestEndpoints.port(node));
        HandshakeTrace trace = connection.handshakeTrace();

        List<String> client = names(trace, HandshakeStep.Side.CLIENT);
        // in the order they finished: the certificate check inside the TLS handshake comes before it
        assertEquals(List.of("name-resolution", "certificate-check", "tls-handshake", "admission", "server-admission",
                "certificate-name"), client);
        List<String> server = names(trace, HandshakeStep.Side.SERVER);
        assertEquals(List.of("certificate-check", "tls-handshake", "connection-limit", "admission"), server);
        assertTrue(trace.toString(), trace.passed());
        assertTrue(trace.steps().stream().allMatch(HandshakeStep::timed));
        HandshakeStep resolution = trace.steps().get(0);
        assertEquals("name-resolution", resolution.name());
        assertTrue(resolution.detail(), resolution.detail().contains("self.test resolves to [::1] through"));
        HandshakeStep tls = step(trace, "tls-handshake", HandshakeStep.Side.CLIENT);
        assertTrue(tls.detail(), tls.detail().contains("TLSv1.3") && tls.detail().contains("X25519MLKEM768")
                && tls.detail().contains("stoq/1"));
        assertTrue("the handshake contains this side's certificate check",
                tls.durationNanos() >= step(trace, "certificate-check", HandshakeStep.Side.CLIENT).durationNanos());
        connection.close();
    }

    @Test
    public void aFreshConnectionIsNeverPooled() throws Exception {
        StoqEndpoint a = endpoints.start(pki.leaf("a.test"), pki.check());
        StoqEndpoint b = endpoints.start(pki.leaf("b.test"), pki.check());
        endpoints.names.put("b.test", List.of(TestEndpoints.LOOPBACK));
        int port = TestEndpoints.port(b);

        StoqConnection pooled = a.connect("b.test", port);
        StoqConnection fresh = a.connectNew("b.test", port);
        assertNotSame(pooled, fresh);
        assertNotSame(fresh, a.connectNew("b.test", port));
        assertSame("the pool keeps its own connection", pooled, a.connect("b.test", port));
        fresh.close();
        assertTrue(pooled.isOpen());
        assertSame(pooled, a.connect("b.test", port));
        assertEquals(3, a.counters().connectionsOpened());
        // b is another endpoint: its side of the handshake is not in a's trace
        assertTrue(names(fresh.handshakeTrace(), HandshakeStep.Side.SERVER).isEmpty());
    }

    @Test
    public void aFailedFreshConnectionCarriesItsTraceUpToTheFailure() throws Exception {
        StoqEndpoint node = endpoints.start(pki.leaf("self.test"), pki.check());
        try {
            node.connectNew("nobody.test", TestEndpoints.port(node));
            fail("a name that does not resolve was connected to");
        } catch (StoqException expected) {
            HandshakeTrace trace = expected.handshakeTrace().orElseThrow();
            assertEquals(1, trace.steps().size());
            assertEquals("name-resolution", trace.firstFailure().orElseThrow().name());
        }

        TestPki other = TestPki.create("another-root");
        endpoints.names.put("stranger.test", List.of(TestEndpoints.LOOPBACK));
        StoqEndpoint stranger = endpoints.start(other.leaf("stranger.test"), other.check());
        try {
            node.connectNew("stranger.test", TestEndpoints.port(stranger));
            fail("a server under another root was accepted");
        } catch (PeerRefusedException expected) {
            assertEquals(RefusalReason.UNTRUSTED_ROOT, expected.reason());
            HandshakeTrace trace = expected.handshakeTrace().orElseThrow();
            HandshakeStep failed = trace.firstFailure().orElseThrow();
            assertEquals("the check failed first, then the handshake", "certificate-check", failed.name());
            assertTrue(failed.detail(), failed.detail().contains("does not lead to the test root"));
            HandshakeStep handshake = step(trace, "tls-handshake", HandshakeStep.Side.CLIENT);
            assertFalse(handshake.passed());
            assertTrue(handshake.detail(), handshake.detail().contains("untrusted-root"));
        }
    }

    @Test
    public void whenTheServerSideRefusesThisNodeTheClientSeesWhichCheckFailedThere() throws Exception {
        // the client checks the server's certificate first (TLS 1.3), then the server checks the client's
        AtomicInteger checks = new AtomicInteger();
        PeerCheck secondRefused = chain -> {
            if (checks.incrementAndGet() % 2 == 0) {
                throw new PeerRefusedException(RefusalReason.REVOKED, "this client's certificate is revoked here");
            }
            return pki.check().check(chain);
        };
        StoqEndpoint node = endpoints.start(pki.leaf("self.test"), secondRefused);
        try {
            node.connectNew("self.test", TestEndpoints.port(node));
            fail("the server refused the client, the connection must fail");
        } catch (StoqException expected) {
            HandshakeTrace trace = expected.handshakeTrace().orElseThrow();
            HandshakeStep serverCheck = step(trace, "certificate-check", HandshakeStep.Side.SERVER);
            assertFalse(trace.toString(), serverCheck.passed());
            assertTrue(serverCheck.detail(), serverCheck.detail().contains("revoked here"));
            assertTrue(step(trace, "certificate-check", HandshakeStep.Side.CLIENT).passed());
        }
    }

    private static List<String> names(HandshakeTrace trace, HandshakeStep.Side side) {
        return trace.steps().stream().filter(step -> step.side() == side).map(HandshakeStep::name).toList();
    }

    private static HandshakeStep step(HandshakeTrace trace, String name, HandshakeStep.Side side) {
        return trace.steps().stream().filter(step -> step.name().equals(name) && step.side() == side).findFirst()
                .orElseThrow(() -> new AssertionError("no " + side + " step " + name + " in " + trace));
    }
}
