package network.internet2.stoq.transport.internal;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqStream;

/** Real endpoints on [::1] for a test: an echo service, names that resolve to [::1], closed at the end. */
final class TestEndpoints implements AutoCloseable {

    static final Inet6Address LOOPBACK = TransportSettings.ipv6Literal("::1");

    final Map<String, StoqService> services = new ConcurrentHashMap<>();
    final Map<String, List<Inet6Address>> names = new ConcurrentHashMap<>();
    private final List<StoqEndpoint> started = new ArrayList<>();

    TestEndpoints() {
        services.put("echo", TestEndpoints::echo);
    }

    static TransportSettings settings() {
        return TransportSettings.defaults(LOOPBACK)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(2))
                .withThreads(2, 16);
    }

    StoqEndpoint start(NodeKeys keys, PeerCheck check) throws StoqException {
        StoqEndpoint endpoint = new StoqEndpoint(settings(), () -> keys, check, ConnectionGate.ADMIT_ALL,
                name -> Optional.ofNullable(services.get(name)), name -> names.getOrDefault(name, List.of()));
        started.add(endpoint);
        endpoint.start();
        return endpoint;
    }

    static int port(StoqEndpoint endpoint) {
        return endpoint.listeners().get(0).getPort();
    }

    static InetSocketAddress address(StoqEndpoint endpoint) {
        return new InetSocketAddress(LOOPBACK, port(endpoint));
    }

    static void echo(StoqStream stream) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        InputStream in = stream.input();
        OutputStream out = stream.output();
        for (int n; (n = in.read(buffer)) >= 0;) {
            out.write(buffer, 0, n);
        }
    }

    /** Waits for a condition, at most 10 s. */
    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    @Override
    public void close() {
        for (StoqEndpoint endpoint : started) {
            endpoint.close();
        }
    }
}
