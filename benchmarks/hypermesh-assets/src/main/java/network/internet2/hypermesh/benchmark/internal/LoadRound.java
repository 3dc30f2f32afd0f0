package network.internet2.hypermesh.benchmark.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One round of a case: {@code ops} operations split evenly over {@code callers} threads that start together,
 * each operation timed on its own with {@link System#nanoTime()}; the round's wall time runs from the start signal
 * until the last caller is done. Bounded in count and in time: a caller stops at the deadline (the round then
 * counts what it did and says it was cut), and a caller still busy {@link #GRACE_SECONDS} after the deadline fails
 * the round and is interrupted.
 */
final class LoadRound {

    static final long GRACE_SECONDS = 30;

    /**
     * @param ops         operations done
     * @param wallNanos   wall time of the round
     * @param sortedNanos every operation's latency, sorted
     * @param capped      whether the deadline cut the round short
     */
    record Result(int ops, long wallNanos, long[] sortedNanos, boolean capped) {

        double opsPerSecond() {
            return wallNanos <= 0 ? Double.NaN : ops * 1e9 / wallNanos;
        }

        /** Nearest-rank percentile; {@code fraction} from 0 to 1. */
        double percentileMillis(double fraction) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(fraction * sortedNanos.length);
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
        }
    }

    private LoadRound() {
    }

    static Result run(ExecutorService pool, RoundOp.Workload workload, int callers, int ops, long deadline)
            throws Exception {
        try (RoundOp op = workload.newRound(callers)) {
            long[][] latencies = new long[callers][];
            int[] done = new int[callers];
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                int share = ops / callers + (c < ops % callers ? 1 : 0);
                latencies[c] = new long[share];
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < share && System.nanoTime() - deadline < 0; i++) {
                        long start = System.nanoTime();
                        try {
                            op.run(caller, i);
                        } catch (Exception e) {
                            throw new Exception("operation " + i + " of caller " + caller + " failed: " + e, e);
                        }
                        latencies[caller][i] = System.nanoTime() - start;
                        done[caller] = i + 1;
                    }
                    return null;
                }));
            }
            if (!ready.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                futures.forEach(f -> f.cancel(true));
                throw new IllegalStateException("the callers did not start within " + GRACE_SECONDS + " s");
            }
            long start = System.nanoTime();
            go.countDown();
            long giveUp = Math.max(deadline, start) + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
            try {
                for (Future<?> future : futures) {
                    future.get(Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (TimeoutException e) {
                futures.forEach(f -> f.cancel(true));
                throw new IllegalStateException("a caller was still busy " + GRACE_SECONDS
                        + " s after the case's time limit; it was interrupted");
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw new Exception("after " + Arrays.stream(done).sum() + " operations of the round (" + ops
                        + " planned): " + e.getCause().getMessage(), e.getCause());
            }
            long wall = System.nanoTime() - start;
            int total = Arrays.stream(done).sum();
            long[] all = new long[total];
            int at = 0;
            for (int c = 0; c < callers; c++) {
                System.arraycopy(latencies[c], 0, all, at, done[c]);
                at += done[c];
            }
            Arrays.sort(all);
            return new Result(total, wall, all, total < ops);
        }
    }
}
