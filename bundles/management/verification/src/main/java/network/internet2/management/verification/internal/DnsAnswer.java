package network.internet2.management.verification.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to one DNS query.
 *
 * @param name          the name asked
 * @param type          the type asked ({@code AAAA}, {@code SOA}, {@code NS})
 * @param transport     {@code udp}, or {@code tcp} after a truncated UDP answer
 * @param rcode         the response code ({@code NOERROR}, {@code NXDOMAIN}, …), or {@code null} without an answer
 * @param authoritative whether the answer had the AA flag
 * @param records       the records of the asked type in the answer section, in presentation form
 * @param nanos         from sending the query to parsing the answer (or giving up)
 * @param error         why there is no usable answer, or {@code null}
 */
record DnsAnswer(String name, String type, String transport, String rcode, boolean authoritative,
        List<String> records, long nanos, String error) {

    DnsAnswer {
        records = List.copyOf(records);
    }

    /** @return whether the name resolved: an answer with NOERROR and at least one record of the asked type */
    boolean passed() {
        return error == null && "NOERROR".equals(rcode) && !records.isEmpty();
    }

    /** @return why it passed or failed, for a person */
    String detail() {
        if (error != null) {
            return error;
        }
        if (!"NOERROR".equals(rcode)) {
            return "the server answered " + rcode;
        }
        if (records.isEmpty()) {
            return "the server answered NOERROR without a " + type + " record";
        }
        return records.size() + " " + type + " record(s)" + (authoritative ? ", authoritative" : ", NOT authoritative");
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("type", type);
        json.put("result", passed() ? "passed" : "failed");
        json.put("rcode", rcode);
        json.put("authoritative", authoritative);
        json.put("answers", records);
        json.put("transport", transport);
        json.put("millis", VerificationStep.millis(nanos));
        json.put("detail", detail());
        return json;
    }
}
