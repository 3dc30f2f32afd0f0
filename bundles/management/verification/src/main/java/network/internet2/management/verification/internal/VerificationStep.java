package network.internet2.management.verification.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import network.internet2.stoq.HandshakeStep;

/**
 * One step of a verification as the endpoint reports it.
 *
 * @param step   the step's name
 * @param side   {@code client}, {@code server}, or {@code node} for what the endpoint itself did
 * @param passed whether it passed
 * @param detail what was found
 * @param nanos  how long it took, or {@code null} for a check timed only as part of the step before it
 */
record VerificationStep(String step, String side, boolean passed, String detail, Long nanos) {

    /** The side of the steps the endpoint performs itself (not the transport's). */
    static final String NODE = "node";

    /** @return the transport's step as reported */
    static VerificationStep of(HandshakeStep step) {
        return new VerificationStep(step.name(), step.side().label(), step.passed(), step.detail(),
                step.timed() ? step.durationNanos() : null);
    }

    /** @return the step as a JSON object: step, side, result ("passed"/"failed"), detail, millis (or null) */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("step", step);
        json.put("side", side);
        json.put("result", passed ? "passed" : "failed");
        json.put("detail", detail);
        json.put("millis", nanos == null ? null : millis(nanos));
        return json;
    }

    /** @return the nanoseconds as milliseconds with three decimals (microsecond resolution) */
    static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
