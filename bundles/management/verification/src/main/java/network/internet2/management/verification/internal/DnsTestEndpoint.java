package network.internet2.management.verification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.ApiHandler;
import network.internet2.management.rest.support.ApiRequest;
import network.internet2.management.rest.support.ApiResponse;
import network.internet2.management.rest.support.Json;
import network.internet2.management.rest.support.Methods;

/**
 * {@code GET /test-dns}, free of the servlet API: real DNS queries to the embedded DNS server where its
 * configuration says it listens ({@link DnsTarget}), for the zone apex and the node's names ({@link DnsProbe}).
 * 200 when every name resolves, 502 when one does not, 503 without the DNS server. At most {@value #AT_ONCE}
 * probes run at once (each may wait seconds for a server that does not answer, on an HTTP thread); more are
 * answered 429.
 */
final class DnsTestEndpoint implements ApiHandler {

    static final String PATH = "/test-dns";
    static final int AT_ONCE = 2;

    private final Supplier<Map<String, ?>> server;
    private final DnsProbe probe;
    private final Semaphore running = new Semaphore(AT_ONCE);

    /** @param server the DNS server's service properties, or {@code null} while it is not running */
    DnsTestEndpoint(Supplier<Map<String, ?>> server, DnsProbe probe) {
        this.server = server;
        this.probe = probe;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        try {
            Methods.require(request.method(), "GET", PATH);
            Map<String, ?> properties = server.get();
            if (properties == null) {
                throw new ApiException(503, "the embedded DNS server (feature trustchain-dns) is not running");
            }
            DnsTarget target;
            try {
                target = DnsTarget.fromProperties(properties);
            } catch (IllegalArgumentException e) {
                throw new ApiException(503, "cannot tell where the DNS server listens: " + e.getMessage());
            }
            if (!running.tryAcquire()) {
                throw new ApiException(429, AT_ONCE + " DNS probes are running already; retry in a second",
                        Map.of("Retry-After", "1"));
            }
            long start = System.nanoTime();
            List<DnsAnswer> answers;
            try {
                answers = probe.probe(target);
            } finally {
                running.release();
            }
            long nanos = System.nanoTime() - start;
            boolean ok = answers.stream().allMatch(DnsAnswer::passed);
            return ApiResponse.json(ok ? 200 : 502, Json.write(json(target, answers, ok, nanos)));
        } catch (ApiException refusal) {
            return VerificationErrors.FORMAT.answer(refusal);
        }
    }

    static Map<String, Object> json(DnsTarget target, List<DnsAnswer> answers, boolean ok, long nanos) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("server", DnsProbe.describe(target.server()));
        json.put("method", "DNS queries over UDP (TCP after a truncated answer) to the server's configured "
                + "address and port; no resolver involved");
        json.put("zone", target.zone().toString());
        json.put("ok", ok);
        json.put("failedQuery", answers.stream().filter(answer -> !answer.passed()).findFirst()
                .map(answer -> answer.name() + " " + answer.type() + ": " + answer.detail()).orElse(null));
        List<Map<String, Object>> queries = new ArrayList<>();
        for (DnsAnswer answer : answers) {
            queries.add(answer.json());
        }
        json.put("queries", queries);
        json.put("totalMillis", VerificationStep.millis(nanos));
        return json;
    }
}
