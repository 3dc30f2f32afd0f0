package network.internet2.hypermesh.benchmark.internal;

/**
 * The operation of one round of a case, called by every caller thread with its caller number and the index of
 * the operation; a fresh one per round, so that per-round state (streams, counters) lives in it and is closed
 * (outside the clock) when the round ends.
 */
interface RoundOp extends AutoCloseable {

    void run(int caller, int index) throws Exception;

    /** Ends the round's state; a failed check is an unchecked exception, which fails the round. */
    @Override
    default void close() {
    }

    /** Makes the operation of a new round for {@code callers} callers (before the clock starts). */
    interface Workload {
        RoundOp newRound(int callers) throws Exception;
    }
}
