package network.internet2.stoq.transport.internal;

import java.util.Arrays;

/**
 * Sequential connection set-ups: a few unmeasured warm-up connects, then up to {@code count} measured ones,
 * all before a deadline. Each connect is a new connection with a full handshake; it is closed before the next.
 */
final class Handshakes {

    /** One connect, split into untimed preparation and the timed connect itself. */
    interface Connector {

        /** Prepares a connect (e.g. a fresh client TLS context) outside the measured time. */
        Attempt prepare() throws Exception;
    }

    /** The timed part of a connect. */
    interface Attempt {

        /** @return the established connection; closing it (untimed) must leave nothing to reuse */
        AutoCloseable connect() throws Exception;
    }

    private Handshakes() {
    }

    static Latencies measure(Connector connector, int warmUps, int count, long deadline) throws Exception {
        for (int i = 0; i < warmUps && System.nanoTime() - deadline < 0; i++) {
            once(connector);
        }
        long[] samples = new long[count];
        int done = 0;
        while (done < count && System.nanoTime() - deadline < 0) {
            samples[done++] = once(connector);
        }
        return Latencies.of(Arrays.copyOf(samples, done));
    }

    private static long once(Connector connector) throws Exception {
        Attempt attempt = connector.prepare();
        long start = System.nanoTime();
        AutoCloseable connection = attempt.connect();
        long elapsed = System.nanoTime() - start;
        connection.close();
        return elapsed;
    }
}
