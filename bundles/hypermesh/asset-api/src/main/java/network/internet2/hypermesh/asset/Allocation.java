package network.internet2.hypermesh.asset;

import java.net.Inet6Address;
import java.time.Instant;

/**
 * A leased share of one asset.
 *
 * @param id           unique id
 * @param kind         the asset kind
 * @param amount       how much, in the kind's unit
 * @param owner        the certificate identity of the owner, or {@code local-operator}
 * @param leaseExpiry  when the lease ends unless renewed
 * @param proxyAddress the allocation's address inside the node's ULA prefix
 * @param state        active or ended
 * @param endReason    why it ended, or {@code null} while active
 */
public record Allocation(String id, String kind, long amount, String owner, Instant leaseExpiry,
        Inet6Address proxyAddress, State state, String endReason) {

    /** Owner name used for allocations made by the node's operator. */
    public static final String LOCAL_OPERATOR = "local-operator";

    /** Lifecycle of an allocation. */
    public enum State {
        ACTIVE, RELEASED, EXPIRED, REVOKED
    }
}
