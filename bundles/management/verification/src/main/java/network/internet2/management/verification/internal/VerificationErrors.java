package network.internet2.management.verification.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import network.internet2.management.rest.support.ErrorFormat;

/** How the verification endpoints write a refusal: {@code {"ok": false, "error": "..."}}. */
final class VerificationErrors {

    static final ErrorFormat FORMAT = message -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("error", message);
        return body;
    };

    private VerificationErrors() {
    }
}
