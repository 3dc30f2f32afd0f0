package network.internet2.management.config.toml.internal.shell;

import java.util.Objects;

/**
 * One property an import sets.
 *
 * @param pid      the PID
 * @param property the property
 * @param before   its value before, or null if it was not set
 * @param after    its value after
 */
record PropertyChange(String pid, String property, Object before, String after) {

    /** @return whether the value changes (a stored number 443 and the text "443" are the same value) */
    boolean changes() {
        return before == null || !Objects.equals(String.valueOf(before), after);
    }
}
