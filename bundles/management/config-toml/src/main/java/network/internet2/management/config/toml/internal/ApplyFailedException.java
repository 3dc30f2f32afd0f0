package network.internet2.management.config.toml.internal;

import java.io.IOException;
import java.util.List;

/**
 * Applying an accepted configuration failed at one PID: the PIDs already changed
 * were put back as they were (or, where that failed too, are named for the
 * operator to check by hand).
 */
public final class ApplyFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String failed;
    private final List<String> restored;
    private final List<String> notRestored;

    /**
     * @param failed      the PID that could not be applied
     * @param restored    the PIDs already changed that were restored, in the order they were restored
     * @param notRestored the PIDs left changed, each with why it could not be restored
     * @param cause       why {@code failed} could not be applied
     */
    public ApplyFailedException(String failed, List<String> restored, List<String> notRestored, Throwable cause) {
        super(message(failed, restored, notRestored, cause), cause);
        this.failed = failed;
        this.restored = List.copyOf(restored);
        this.notRestored = List.copyOf(notRestored);
    }

    private static String message(String failed, List<String> restored, List<String> notRestored, Throwable cause) {
        StringBuilder message = new StringBuilder("could not apply ").append(failed).append(" (")
                .append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(")");
        if (restored.isEmpty() && notRestored.isEmpty()) {
            return message.append("; nothing was changed").toString();
        }
        if (!restored.isEmpty()) {
            message.append("; restored to their previous state the PIDs already changed: ")
                    .append(String.join(", ", restored));
        }
        if (!notRestored.isEmpty()) {
            message.append("; could NOT restore, check by hand: ").append(String.join(", ", notRestored));
        } else {
            message.append("; nothing else was changed");
        }
        return message.toString();
    }

    /** @return the PID that could not be applied */
    public String failed() {
        return failed;
    }

    /** @return the PIDs already changed that were put back, in the order they were restored */
    public List<String> restored() {
        return restored;
    }

    /** @return the PIDs left changed, each followed by why it could not be restored */
    public List<String> notRestored() {
        return notRestored;
    }
}
