package network.internet2.stoq.transport.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One timed bulk round: every flow gets its own sender thread and an even share of the round's bytes; the
 * senders start together, each writes in {@link #CHUNK}-byte writes until its share is sent or the deadline
 * has passed, then finishes and checks the receiver's count. The round's time runs from the start signal
 * to the last receiver's answer; throughput is the bytes the receivers counted over that time.
 */
final class BulkRound {

    static final int CHUNK = 256 * 1024;
    /** How long past the deadline a round may take to drain and answer before it is aborted. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final byte[] DATA = new byte[CHUNK];

    /**
     * @param bytes  bytes the receivers counted
     * @param nanos  time from the start signal to the last answer
     * @param capped whether the deadline stopped the senders before the whole round was sent
     */
    record Result(long bytes, long nanos, boolean capped) {

        double gbitPerSecond() {
            return bytes * 8.0 / nanos;
        }
    }

    private BulkRound() {
    }

    /**
     * @param flows    opened flows; all are closed when the round ends
     * @param bytes    bytes to send in all, split evenly over the flows
     * @param deadline {@link System#nanoTime()} after which the senders stop writing
     * @throws IOException if a flow failed, a count did not match or the round did not end in time
     */
    static Result run(List<Flow> flows, long bytes, long deadline) throws IOException, InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(flows.size(), BenchThreads.daemon("sender"));
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Long>> sent = new ArrayList<>();
            for (int i = 0; i < flows.size(); i++) {
                Flow flow = flows.get(i);
                long share = bytes / flows.size() + (i < bytes % flows.size() ? 1 : 0);
                sent.add(senders.submit(() -> send(flow, share, go, deadline)));
            }
            long start = System.nanoTime();
            go.countDown();
            long total = 0;
            for (Future<Long> future : sent) {
                total += await(future, deadline);
            }
            return new Result(total, System.nanoTime() - start, total < bytes);
        } finally {
            flows.forEach(Flow::close);
            senders.shutdownNow();
            senders.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static long send(Flow flow, long share, CountDownLatch go, long deadline) throws Exception {
        if (!go.await(30, TimeUnit.SECONDS)) {
            throw new IOException("the round never started");
        }
        OutputStream out = flow.output();
        long sent = 0;
        while (sent < share && System.nanoTime() - deadline < 0) {
            int length = (int) Math.min(CHUNK, share - sent);
            out.write(DATA, 0, length);
            sent += length;
        }
        long counted = flow.finish();
        if (counted != sent) {
            throw new IOException("sent " + sent + " bytes, the receiver counted " + counted);
        }
        return counted;
    }

    private static long await(Future<Long> future, long deadline) throws IOException, InterruptedException {
        long wait = Math.max(0, deadline - System.nanoTime()) + GRACE_NANOS;
        try {
            return future.get(wait, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IOException("a sender failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("a sender did not finish within " + TimeUnit.NANOSECONDS.toSeconds(wait)
                    + " s; round aborted");
        }
    }
}
