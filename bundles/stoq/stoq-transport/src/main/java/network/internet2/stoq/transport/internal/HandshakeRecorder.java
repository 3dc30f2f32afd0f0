package network.internet2.stoq.transport.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import network.internet2.stoq.HandshakeStep;

/**
 * The validation steps of one connection on one side, recorded where they happen: a few {@code nanoTime} calls
 * and one small object per step, so it is always on. Text that costs something to build (the CA's checks) is
 * kept as a supplier and built only when someone asks for the trace. Steps are reported in the order they
 * finished, so a step that contains others (the TLS handshake contains the certificate checks) comes after them,
 * and the first failed step is the one that failed first.
 */
final class HandshakeRecorder {

    /** A step or a group of steps, with when it finished (for ordering the steps of both sides). */
    record Entry(long endNanos, Supplier<List<HandshakeStep>> steps) {
    }

    private final HandshakeStep.Side side;
    private final List<Entry> entries = new ArrayList<>(8);

    HandshakeRecorder(HandshakeStep.Side side) {
        this.side = side;
    }

    HandshakeStep.Side side() {
        return side;
    }

    /** Records a step that ran from {@code startNanos} to {@code endNanos} ({@link System#nanoTime()}). */
    void step(String name, boolean passed, String detail, long startNanos, long endNanos) {
        HandshakeStep step = new HandshakeStep(name, side, passed, detail, Math.max(0, endNanos - startNanos));
        add(new Entry(endNanos, () -> List.of(step)));
    }

    /** Records a step whose detail is built only when the trace is read. */
    void step(String name, boolean passed, Supplier<String> detail, long startNanos, long endNanos) {
        long nanos = Math.max(0, endNanos - startNanos);
        add(new Entry(endNanos, () -> List.of(new HandshakeStep(name, side, passed, detail.get(), nanos))));
    }

    /**
     * Records checks that ran inside a timed step ending at {@code endNanos} and were not timed on their own, to be
     * listed right after it; {@code checks} builds them (with {@link HandshakeStep#NOT_TIMED}) when the trace is
     * read.
     */
    void untimed(long endNanos, Supplier<List<HandshakeStep>> checks) {
        add(new Entry(endNanos, checks));
    }

    /** Copies an entry recorded elsewhere (the name resolution before the connection existed). */
    void add(Entry entry) {
        synchronized (entries) {
            entries.add(entry);
        }
    }

    /** @return the entries in the order they were recorded */
    List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** @return the steps of the entries, ordered by when each finished (stable for equal ends) */
    static List<HandshakeStep> steps(List<Entry> entries) {
        List<Entry> ordered = new ArrayList<>(entries);
        ordered.sort((a, b) -> Long.compare(a.endNanos() - b.endNanos(), 0));
        List<HandshakeStep> steps = new ArrayList<>();
        for (Entry entry : ordered) {
            steps.addAll(entry.steps().get());
        }
        return steps;
    }
}
