package network.internet2.stoq;

import java.util.Locale;
import java.util.Objects;

/**
 * One validation step a STOQ connection went through, as the transport really performed it.
 *
 * @param name          a stable name such as {@code name-resolution}, {@code tls-handshake},
 *                      {@code certificate-chain}, {@code certificate-transparency}, {@code possession-proof}
 * @param side          which end of the connection performed the step
 * @param passed        whether the step succeeded
 * @param detail        what was found, for a person to read
 * @param durationNanos how long the step took, or {@link #NOT_TIMED} for a check that ran inside the step before
 *                      it and was not timed on its own (such as one check of the CA's chain validation)
 * @since 1.1
 */
public record HandshakeStep(String name, Side side, boolean passed, String detail, long durationNanos) {

    /** The duration of a check timed only as part of the step that contains it. */
    public static final long NOT_TIMED = -1;

    /** The end of the connection that performed a step. */
    public enum Side {
        /** The side that opened the connection. */
        CLIENT,
        /** The side that accepted it. */
        SERVER;

        /** @return {@code client} or {@code server} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public HandshakeStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
        detail = detail == null ? "" : detail;
        if (durationNanos < 0 && durationNanos != NOT_TIMED) {
            throw new IllegalArgumentException("durationNanos is " + durationNanos + "; it must be 0 or more, or "
                    + "NOT_TIMED");
        }
    }

    /** @return whether the step was timed on its own */
    public boolean timed() {
        return durationNanos != NOT_TIMED;
    }

    /** @return the duration in microseconds, or {@link #NOT_TIMED} */
    public long micros() {
        return timed() ? durationNanos / 1_000 : NOT_TIMED;
    }

    /** @return the duration in milliseconds (fractional), or {@code NaN} when not timed on its own */
    public double millis() {
        return timed() ? durationNanos / 1e6 : Double.NaN;
    }
}
