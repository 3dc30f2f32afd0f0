package network.internet2.hypermesh.assets.rest.internal;

import java.net.Inet6Address;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.ConsensusReceipt;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;
import network.internet2.management.rest.support.ErrorFormat;
import network.internet2.management.rest.support.Json;

/** The JSON the asset registry's REST interface writes. */
final class AssetJson {

    /** Refusals, as the CA's: {@code {"error": message}}. */
    static final ErrorFormat ERRORS = message -> Map.of("error", message);

    private AssetJson() {
    }

    /** {@code {"kinds": [{"kind", "unit", "total", "allocated", "available"}, …]}} */
    static byte[] kinds(List<AssetKind> kinds) {
        return Json.write(Map.of("kinds", kinds.stream().map(AssetJson::kind).toList()));
    }

    /** {@code {"allocations": [allocation, …]}}, see {@link #allocation(Allocation, Map)} */
    static byte[] allocations(List<Allocation> allocations, Map<String, String> units) {
        return Json.write(Map.of("allocations",
                allocations.stream().map(allocation -> describe(allocation, units)).toList()));
    }

    /**
     * {@code id}, {@code kind}, {@code amount}, {@code unit} ({@code null} while no adapter
     * offers the kind), {@code owner}, {@code lease_expiry} (ISO 8601), {@code proxy_address}
     * (RFC 5952), {@code state} ({@code active}, {@code released}, {@code expired},
     * {@code revoked}) and {@code end_reason} ({@code null} while active).
     *
     * @param units the unit of each offered kind
     */
    static byte[] allocation(Allocation allocation, Map<String, String> units) {
        return Json.write(describe(allocation, units));
    }

    /**
     * A new allocation, as {@link #allocation}, plus {@code consensus}: the id of the
     * consensus proof it was granted with and how long validating it took
     * ({@code {"proof_id": "…", "verification_ms": 2.41}}), or {@code null} when no
     * consensus service validated it.
     */
    static byte[] granted(Allocation allocation, Map<String, String> units, Optional<ConsensusReceipt> receipt) {
        Map<String, Object> entry = describe(allocation, units);
        entry.put("consensus", receipt.map(proof -> {
            Map<String, Object> consensus = new LinkedHashMap<>();
            consensus.put("proof_id", proof.proofId());
            consensus.put("verification_ms", proof.verification().toNanos() / 1e6);
            return (Object) consensus;
        }).orElse(null));
        return Json.write(entry);
    }

    /** @return the unit of each kind offered now */
    static Map<String, String> units(List<AssetKind> kinds) {
        Map<String, String> units = new LinkedHashMap<>();
        kinds.forEach(kind -> units.put(kind.kind(), kind.capacity().unit()));
        return units;
    }

    /** @return the state as the API writes it: {@code active}, {@code released}, … */
    static String state(Allocation.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> kind(AssetKind kind) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", kind.kind());
        entry.put("unit", kind.capacity().unit());
        entry.put("total", kind.capacity().total());
        entry.put("allocated", kind.allocated());
        entry.put("available", Math.max(0, kind.capacity().total() - kind.allocated()));
        return entry;
    }

    private static Map<String, Object> describe(Allocation allocation, Map<String, String> units) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", allocation.id());
        entry.put("kind", allocation.kind());
        entry.put("amount", allocation.amount());
        entry.put("unit", units.get(allocation.kind()));
        entry.put("owner", allocation.owner());
        entry.put("lease_expiry", allocation.leaseExpiry() == null ? null : allocation.leaseExpiry().toString());
        entry.put("proxy_address", allocation.proxyAddress() == null ? null : address(allocation.proxyAddress()));
        entry.put("state", state(allocation.state()));
        entry.put("end_reason", allocation.endReason());
        return entry;
    }

    /**
     * @return the address in the RFC 5952 text form: lower case, leading zeros
     *         dropped, the longest run of two or more zero groups (the first of equals) as {@code ::}
     */
    static String address(Inet6Address address) {
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int end = i;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = Math.max(i, end);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
