package network.internet2.stoq.cli.internal;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
import network.internet2.stoq.StoqStream;
import network.internet2.stoq.StoqTransport;

/** {@code stoq:bench}: a bounded bulk transfer to a peer's discard service. */
@Service
@Command(scope = "stoq", name = "bench",
        description = "Sends --megabytes MiB to the peer's stoq.discard service over --streams parallel streams of "
                + "one connection, waits until the peer confirms every byte, and prints the throughput. Bounded "
                + "by size and by --timeout. Options go before the arguments.")
public class BenchCommand implements Action {

    private static final int CHUNK = 64 * 1024;
    static final int MAX_MEGABYTES = 4096;
    static final int MAX_STREAMS = 64;

    @Reference
    StoqTransport transport;

    @Option(name = "--port", aliases = "-p", description = "The peer's UDP port (default 4433)")
    int port = 4433;

    @Option(name = "--megabytes", aliases = "-m", description = "MiB to send in all (1..4096, default 64)")
    int megabytes = 64;

    @Option(name = "--streams", aliases = "-s", description = "Parallel streams (1..64, default 1)")
    int streams = 1;

    @Option(name = "--timeout", aliases = "-t", description = "Seconds before giving up (default 120)")
    int timeout = 120;

    @Argument(index = 0, name = "peer", required = true,
            description = "A name (node1.internet2.network) or an IPv6 address (::1)")
    @Completion(PeerCompleter.class)
    String peer;

    @Override
    public Object execute() throws Exception {
        checkOptions();
        StoqConnection connection;
        try {
            connection = Peers.connect(transport, peer, port);
        } catch (StoqException e) {
            throw new CommandException(e.getMessage(), e);
        }
        long perStream = (long) megabytes * 1024 * 1024 / streams;
        ExecutorService senders = Executors.newFixedThreadPool(streams);
        long start = System.nanoTime();
        try {
            List<Future<Long>> confirmed = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                confirmed.add(senders.submit(() -> send(connection, perStream)));
            }
            long total = 0;
            for (Future<Long> result : confirmed) {
                total += confirmed(result, start);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d MiB to %s over %d stream(s) in %.2f s: %.2f Gbit/s (%.0f MiB/s), confirmed by "
                    + "the peer%n", total / (1024 * 1024), connection.peer().name(), streams, seconds,
                    total * 8 / seconds / 1e9, total / seconds / (1024 * 1024));
        } finally {
            senders.shutdownNow();
        }
        return null;
    }

    /** @throws CommandException naming the first option out of its range */
    void checkOptions() throws CommandException {
        if (megabytes < 1 || megabytes > MAX_MEGABYTES) {
            throw new CommandException("--megabytes must be 1.." + MAX_MEGABYTES + ", not " + megabytes);
        }
        if (streams < 1 || streams > MAX_STREAMS) {
            throw new CommandException("--streams must be 1.." + MAX_STREAMS + ", not " + streams);
        }
        if (timeout < 1) {
            throw new CommandException("--timeout must be at least 1 second, not " + timeout);
        }
    }

    /** @return the bytes the peer confirmed on one stream, waiting at most until --timeout since {@code start} */
    private long confirmed(Future<Long> result, long start) throws CommandException, InterruptedException {
        try {
            return result.get(Math.max(1, timeout - (System.nanoTime() - start) / 1_000_000_000L), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new CommandException("the peer did not confirm every byte within --timeout " + timeout + " s; "
                    + "send less (--megabytes) or allow longer (--timeout)", e);
        } catch (ExecutionException e) {
            throw new CommandException("a stream to " + peer + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static long send(StoqConnection connection, long bytes) throws Exception {
        byte[] chunk = new byte[CHUNK];
        try (StoqStream stream = connection.openStream("stoq.discard")) {
            OutputStream out = stream.output();
            for (long sent = 0; sent < bytes; sent += CHUNK) {
                out.write(chunk, 0, (int) Math.min(CHUNK, bytes - sent));
            }
            out.close();
            long received = new DataInputStream(stream.input()).readLong();
            if (received != bytes) {
                throw new StoqException("the peer confirmed " + received + " of " + bytes + " bytes");
            }
            return received;
        }
    }
}
