package network.internet2.stoq.cli.internal;

import java.util.Arrays;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqTransport;

/**
 * {@code stoq:handshakes}: a bounded run of fresh connections to a peer, each with the whole admission — the TLS
 * handshake with the post-quantum key exchange, both certificates validated through the CA and the CT log, and
 * the FALCON-1024 possession proofs — closed again before the next; prints latency percentiles and the rate.
 */
@Service
@Command(scope = "stoq", name = "handshakes",
        description = "Opens --count fresh connections to the peer one after another (each fully validated on both "
                + "sides, possession proofs included), closing each, and prints p50/p90/p99 latency and handshakes/s. "
                + "Bounded by --count and --timeout. Options go before the arguments.")
public class HandshakesCommand implements Action {

    static final int MAX_COUNT = 10_000;

    @Reference
    StoqTransport transport;

    @Option(name = "--port", aliases = "-p", description = "The peer's UDP port (default 4433)")
    int port = 4433;

    @Option(name = "--count", aliases = "-n", description = "Handshakes to make (1..10000, default 100)")
    int count = 100;

    @Option(name = "--timeout", aliases = "-t", description = "Seconds before stopping early (default 60)")
    int timeout = 60;

    @Argument(index = 0, name = "peer", required = true,
            description = "A name (node1.internet2.network) or an IPv6 address (::1)")
    @Completion(PeerCompleter.class)
    String peer;

    @Override
    public Object execute() throws Exception {
        if (count < 1 || count > MAX_COUNT) {
            throw new CommandException("--count must be 1.." + MAX_COUNT + ", not " + count);
        }
        if (timeout < 1) {
            throw new CommandException("--timeout must be at least 1 second, not " + timeout);
        }
        long[] micros = new long[count];
        int done = 0;
        long start = System.nanoTime();
        long deadline = start + timeout * 1_000_000_000L;
        String peerName = peer;
        try {
            while (done < count && System.nanoTime() < deadline) {
                long begin = System.nanoTime();
                StoqConnection connection = Peers.connect(transport, peer, port);
                micros[done++] = (System.nanoTime() - begin) / 1000;
                peerName = connection.peer().name();
                connection.close();
            }
        } catch (StoqException e) {
            throw new CommandException("handshake " + (done + 1) + " failed: " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(micros, done);
        Arrays.sort(sorted);
        System.out.printf("%d handshakes with %s in %.2f s: %.1f/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                + "max %.2f ms%s%n", done, peerName, seconds, done / seconds, percentile(sorted, 50) / 1000.0,
                percentile(sorted, 90) / 1000.0, percentile(sorted, 99) / 1000.0, sorted[done - 1] / 1000.0,
                done < count ? " (stopped by --timeout)" : "");
        return null;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
