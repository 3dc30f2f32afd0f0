package network.internet2.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Random;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqStream;
import network.internet2.stoq.StoqTransport;

/**
 * The STOQ transport in the running distribution, talking to itself over
 * {@code [::1]}: the full trust path runs on both sides of the handshake — the
 * node certificate validated by the CA (root, signatures, FALCON-1024
 * alternative signatures, validity, revocation), its embedded SCT checked by the
 * CT log, the FALCON-1024 possession proof — and the name is resolved by the
 * node's own DNS. A stream reaches a whiteboard service and comes back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoqIT extends Internet2TestSupport {

    private StoqTransport transport;

    @Before
    public void waitForTheTransportAndTheNodeCertificate() throws Exception {
        waitUntil("the STOQ transport is registered", Duration.ofSeconds(90),
                () -> bundleContext.getServiceReference(StoqTransport.class) != null);
        transport = bundleContext.getService(bundleContext.getServiceReference(StoqTransport.class));
    }

    @Test
    public void theNodeConnectsToItselfByNameWithFullValidationAndStreamsReachAService() throws Exception {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(StoqService.SERVICE_PROPERTY, "itest.echo");
        StoqService echo = stream -> {
            stream.input().transferTo(stream.output());
            stream.output().close();
        };
        ServiceRegistration<StoqService> registration = bundleContext.registerService(StoqService.class, echo,
                properties);
        try {
            StoqConnection[] connection = new StoqConnection[1];
            waitUntil("a validated connection to node1 (the node certificate is issued and logged at start)",
                    Duration.ofSeconds(60), () -> {
                        connection[0] = transport.connect("node1.internet2.network", stoqPort());
                        return true;
                    });
            assertEquals("node1.internet2.network", connection[0].peer().name());
            byte[] payload = new byte[1 << 20];
            new Random(5).nextBytes(payload);
            try (StoqStream stream = connection[0].openStream("itest.echo")) {
                OutputStream out = stream.output();
                Thread writer = new Thread(() -> {
                    try {
                        out.write(payload);
                        out.close();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                writer.start();
                InputStream in = stream.input();
                assertArrayEquals(payload, in.readAllBytes());
                writer.join(10_000);
            }
            try (StoqStream stream = connection[0].openStream("nobody.here")) {
                stream.input().read();
                fail("a stream to a missing service was accepted");
            } catch (StoqException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("nobody.here"));
            }
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void shellCommandsShowStatusConnectAndMeasureThroughput() throws Exception {
        String connected = executeCommand("stoq:connect --port " + stoqPort() + " node1.internet2.network");
        assertTrue(connected, connected.contains("Connected to node1.internet2.network"));
        String bench = executeCommand("stoq:bench --port " + stoqPort() + " --megabytes 4 --streams 2 ::1");
        assertTrue(bench, bench.contains("4 MiB") && bench.contains("confirmed by the peer"));
        System.out.println("stoq:bench in the container: " + bench.strip());
        String handshakes = executeCommand("stoq:handshakes --port " + stoqPort() + " --count 5 node1.internet2.network");
        assertTrue(handshakes, handshakes.contains("5 handshakes with node1.internet2.network")
                && handshakes.contains("p99"));
        try {
            executeCommand("stoq:handshakes --count 0 ::1");
            org.junit.Assert.fail("--count 0 must be refused");
        } catch (Exception expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("--count must be 1..10000"));
        }
        String status = executeCommand("stoq:status");
        assertTrue(status, status.contains("handshakes.ok") && status.contains("refusals.untrusted-root"));
    }

    @Test
    public void ipv4AddressesAreRefused() throws Exception {
        for (String address : new String[] {"127.0.0.1", "::ffff:127.0.0.1"}) {
            try {
                transport.connect(new InetSocketAddress(address, stoqPort()));
                fail(address + " was accepted");
            } catch (PeerRefusedException expected) {
                assertEquals("ipv4-address", expected.reason().label());
            } catch (StoqException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("IPv6"));
            }
        }
    }
}
