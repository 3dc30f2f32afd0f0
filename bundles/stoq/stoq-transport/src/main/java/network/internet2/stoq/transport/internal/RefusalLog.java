package network.internet2.stoq.transport.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.stoq.PeerRefusedException;

/**
 * Logs every refused peer once, with its reason — but at most {@link #LINES_PER_SECOND} lines a second, so that a
 * flood of bad handshakes cannot flood the log; what was left out is counted in the next line written.
 */
final class RefusalLog {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
    static final int LINES_PER_SECOND = 20;

    private final AtomicLong windowStart = new AtomicLong(System.nanoTime());
    private final AtomicLong linesInWindow = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    /** @return whether the refusal was written (false: suppressed by the rate limit) */
    boolean log(PeerRefusedException refusal) {
        long now = System.nanoTime();
        long start = windowStart.get();
        if (now - start > TimeUnit.SECONDS.toNanos(1) && windowStart.compareAndSet(start, now)) {
            linesInWindow.set(0);
        }
        if (linesInWindow.incrementAndGet() > LINES_PER_SECOND) {
            suppressed.incrementAndGet();
            return false;
        }
        long skipped = suppressed.getAndSet(0);
        if (skipped > 0) {
            LOG.info("STOQ refused a peer ({}): {} [{} further refusals not logged; see stoq:status]",
                    refusal.reason().label(), refusal.getMessage(), skipped);
        } else {
            LOG.info("STOQ refused a peer ({}): {}", refusal.reason().label(), refusal.getMessage());
        }
        return true;
    }
}
