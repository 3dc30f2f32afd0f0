package network.internet2.management.verification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code GET /test-cert-validation} found.
 *
 * @param target     the name the node connected to
 * @param port       the port of the node's listener
 * @param steps      every step, in order
 * @param totalNanos how long the whole verification took
 */
record CertValidationReport(String target, int port, List<VerificationStep> steps, long totalNanos) {

    CertValidationReport {
        steps = List.copyOf(steps);
    }

    /** @return whether there were steps and every one passed */
    boolean ok() {
        return !steps.isEmpty() && steps.stream().allMatch(VerificationStep::passed);
    }

    /** @return the first step that failed */
    Optional<VerificationStep> failedStep() {
        return steps.stream().filter(step -> !step.passed()).findFirst();
    }

    /** @return 200 when every step passed, else 502 (the node's own stack failed the check) */
    int status() {
        return ok() ? 200 : 502;
    }

    /** @return the JSON answer: target, ok, failedStep, steps, totalMillis */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", target);
        json.put("port", port);
        json.put("ok", ok());
        json.put("failedStep", failedStep().map(step -> step.side() + " " + step.step() + ": " + step.detail())
                .orElse(null));
        List<Map<String, Object>> list = new ArrayList<>();
        for (VerificationStep step : steps) {
            list.add(step.json());
        }
        json.put("steps", list);
        json.put("totalMillis", VerificationStep.millis(totalNanos));
        return json;
    }
}
