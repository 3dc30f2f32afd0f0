package network.internet2.hypermesh.assets.rest.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.Json;

/**
 * The bodies of {@code POST /assets/allocate} and {@code POST /assets/allocations/<id>/renew},
 * checked completely before the registry is asked.
 */
final class AllocationRequests {

    /** The lease granted when a request names none: one hour. */
    static final long DEFAULT_LEASE_SECONDS = 3600;

    /**
     * The longest lease this interface passes on: a year. The registry applies its own,
     * usually shorter, maximum ({@code max.lease.seconds}) and refuses longer leases with 422.
     */
    static final long MAX_LEASE_SECONDS = 365L * 24 * 3600;

    static final String ASSET_ID = "asset_id";
    static final String KIND = "kind";
    static final String AMOUNT = "amount";
    static final String LEASE_SECONDS = "lease_seconds";

    private static final Set<String> ALLOCATE_FIELDS = Set.of(ASSET_ID, KIND, AMOUNT, LEASE_SECONDS);
    private static final Set<String> RENEW_FIELDS = Set.of(LEASE_SECONDS);
    private static final String ALLOCATE_EXAMPLE = "{\"kind\": \"memory\", \"amount\": 1048576, \"lease_seconds\": "
            + DEFAULT_LEASE_SECONDS + "}";
    private static final String RENEW_EXAMPLE = "{\"lease_seconds\": " + DEFAULT_LEASE_SECONDS + "}";

    private AllocationRequests() {
    }

    /**
     * What {@code POST /assets/allocate} asks for.
     *
     * @param kind       the asset kind
     * @param amount     how much, in the kind's unit
     * @param lease      for how long
     * @param byAssetId  whether the kind was given as {@code asset_id} (the seed's form)
     */
    record Allocate(String kind, long amount, Duration lease, boolean byAssetId) {
    }

    /**
     * Parses {@code {"kind": "memory", "amount": n, "lease_seconds": s}}, or the seed's
     * {@code {"asset_id": "memory", "amount": n}} where {@code asset_id} names the kind.
     *
     * @throws ApiException 400 naming the field at fault
     */
    static Allocate allocate(byte[] body) throws ApiException {
        JsonNode request = BodyFields.object(Json.read(body, "send " + ALLOCATE_EXAMPLE), ALLOCATE_FIELDS,
                ALLOCATE_EXAMPLE);
        boolean byAssetId = BodyFields.present(request, ASSET_ID);
        if (byAssetId && BodyFields.present(request, KIND)) {
            throw ApiException.badRequest("give either \"" + KIND + "\" or \"" + ASSET_ID + "\" (which also names the "
                    + "kind), not both");
        }
        String field = byAssetId ? ASSET_ID : KIND;
        String kind = BodyFields.text(request, field);
        if (kind == null) {
            throw ApiException.badRequest("\"" + KIND + "\" is missing; name the asset kind to allocate, as in "
                    + ALLOCATE_EXAMPLE + " (GET " + Route.BASE + " lists the kinds)");
        }
        long amount = BodyFields.requiredWholeNumber(request, AMOUNT, 1, Long.MAX_VALUE);
        return new Allocate(kind, amount, lease(request), byAssetId);
    }

    /**
     * Parses {@code {"lease_seconds": s}}; an empty body renews for the default lease.
     *
     * @throws ApiException 400 naming the field at fault
     */
    static Duration renewal(byte[] body) throws ApiException {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Duration.ofSeconds(DEFAULT_LEASE_SECONDS);
        }
        return lease(BodyFields.object(Json.read(body, "send " + RENEW_EXAMPLE), RENEW_FIELDS, RENEW_EXAMPLE));
    }

    private static Duration lease(JsonNode request) throws ApiException {
        return Duration.ofSeconds(BodyFields.wholeNumber(request, LEASE_SECONDS, 1, MAX_LEASE_SECONDS,
                DEFAULT_LEASE_SECONDS));
    }
}
