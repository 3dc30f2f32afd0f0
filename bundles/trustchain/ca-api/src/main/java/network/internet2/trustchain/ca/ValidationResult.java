package network.internet2.trustchain.ca;

import java.util.List;

/**
 * Outcome of validating a chain: every check that ran, in order.
 *
 * @param checks the checks and their outcomes
 */
public record ValidationResult(List<Check> checks) {

    public ValidationResult {
        checks = List.copyOf(checks);
    }

    /** @return whether every check passed (and at least one ran) */
    public boolean valid() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    /** @return the checks that failed */
    public List<Check> failures() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }

    /**
     * One named check, such as {@code chain.signature}, {@code leaf.altSignature},
     * {@code leaf.validity}, {@code leaf.revocation} or {@code leaf.name}.
     *
     * @param name   the check's stable name
     * @param passed whether it passed
     * @param detail what was found, for a person to read
     */
    public record Check(String name, boolean passed, String detail) {
    }
}
