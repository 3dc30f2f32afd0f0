package network.internet2.stoq;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/** A transport operation failed; the message says why. */
public class StoqException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Not serialized: a trace is for diagnostics in this process. */
    private transient volatile HandshakeTrace trace;

    public StoqException(String message) {
        super(message);
    }

    public StoqException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @return the validation steps of the connection attempt that failed, when the transport recorded them (for
     *         {@link StoqTransport#connectNew(String, int)})
     * @since 1.1
     */
    public Optional<HandshakeTrace> handshakeTrace() {
        return Optional.ofNullable(trace);
    }

    /**
     * Attaches the steps of the failed connection attempt, for the transport that throws this exception.
     *
     * @return this exception
     * @since 1.1
     */
    public StoqException withHandshakeTrace(HandshakeTrace steps) {
        this.trace = Objects.requireNonNull(steps, "steps");
        return this;
    }
}
