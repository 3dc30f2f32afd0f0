package network.internet2.trustchain.ca.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.ErrorFormat;
import network.internet2.management.rest.support.Json;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;
import network.internet2.trustchain.ca.ValidationResult;

/** The JSON the CA's REST interface reads and writes. */
final class CaJson {

    /** The CA's refusals: {@code {"error": message}}. */
    static final ErrorFormat ERRORS = message -> Map.of("error", message);

    private CaJson() {
    }

    /** @return {@code {"error": message}} */
    static byte[] error(String message) {
        return Json.write(ERRORS.body(message == null ? "unknown error" : message));
    }

    /**
     * A certificate and its state: {@code serial}, {@code subject}, {@code not_before},
     * {@code not_after}, {@code revoked}, {@code revocation_reason} and
     * {@code revoked_at} (when revoked), {@code certificate} (PEM).
     */
    static byte[] certificate(IssuedCertificate issued) {
        return Json.write(describe(issued));
    }

    /** What {@code POST certificates} answers: {@code serial}, {@code certificate}, {@code chain} (PEM). */
    static byte[] issued(IssuedCertificate issued) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("serial", issued.serial().toString(16));
        answer.put("certificate", Pem.certificates(List.of(issued.certificate())));
        answer.put("chain", Pem.certificates(issued.chain()));
        return Json.write(answer);
    }

    /** {@code {"valid": bool, "checks": [{"name", "passed", "detail"}, …]}} */
    static byte[] validation(ValidationResult result) {
        List<Map<String, Object>> checks = new ArrayList<>();
        for (ValidationResult.Check check : result.checks()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", check.name());
            entry.put("passed", check.passed());
            entry.put("detail", check.detail());
            checks.add(entry);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("valid", result.valid());
        answer.put("checks", checks);
        return Json.write(answer);
    }

    /**
     * The reason of a revoke request body {@code {"reason": "keyCompromise"}}; an
     * empty body or a missing reason means {@code unspecified}.
     *
     * @throws ApiException 400 if the body is not such a JSON object or the reason is unknown
     */
    static RevocationReason revocationReason(byte[] body) throws ApiException {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return RevocationReason.UNSPECIFIED;
        }
        JsonNode request = Json.read(body, "send {\"reason\": \"keyCompromise\"} or an empty body");
        if (request == null || !request.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object such as {\"reason\": \"keyCompromise\"}");
        }
        JsonNode reason = request.get("reason");
        if (reason == null || reason.isNull()) {
            return RevocationReason.UNSPECIFIED;
        }
        if (!reason.isTextual() && !reason.isIntegralNumber()) {
            throw ApiException.badRequest("\"reason\" must be a string such as \"keyCompromise\" or a CRLReason code");
        }
        try {
            return RevocationReason.parse(reason.asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** @return the RFC 5280 name of a reason, such as {@code keyCompromise} */
    static String reasonName(RevocationReason reason) {
        StringBuilder name = new StringBuilder();
        for (String word : reason.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    private static Map<String, Object> describe(IssuedCertificate issued) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("serial", issued.serial().toString(16));
        answer.put("subject", issued.certificate().getSubjectX500Principal().getName());
        answer.put("not_before", issued.certificate().getNotBefore().toInstant().toString());
        answer.put("not_after", issued.certificate().getNotAfter().toInstant().toString());
        answer.put("revoked", issued.revoked());
        if (issued.revoked()) {
            answer.put("revocation_reason", issued.revocationReason() == null ? null
                    : reasonName(issued.revocationReason()));
            answer.put("revoked_at", issued.revokedAt().toString());
        }
        answer.put("certificate", Pem.certificates(List.of(issued.certificate())));
        return answer;
    }
}
