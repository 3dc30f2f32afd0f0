package network.internet2.stoq;

import java.util.List;
import java.util.Optional;

/**
 * The validation steps a connection went through, in the order they finished: what this node did and, when the
 * other end is this same transport, what that end did too. A step that contains others (the TLS handshake
 * contains the checks of the peer's certificate) is listed after them, so the first failed step is the one that
 * failed first.
 *
 * @param steps the steps, in the order they finished
 * @since 1.1
 */
public record HandshakeTrace(List<HandshakeStep> steps) {

    /** A trace with no step, for a connection the transport recorded nothing for. */
    public static final HandshakeTrace EMPTY = new HandshakeTrace(List.of());

    public HandshakeTrace {
        steps = List.copyOf(steps);
    }

    /** @return whether at least one step ran and none failed */
    public boolean passed() {
        return !steps.isEmpty() && steps.stream().allMatch(HandshakeStep::passed);
    }

    /** @return the first step that failed (the innermost, when a step that contains it failed with it), if any */
    public Optional<HandshakeStep> firstFailure() {
        return steps.stream().filter(step -> !step.passed()).findFirst();
    }
}
