package network.internet2.hypermesh.asset;

import java.net.Inet6Address;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The NAT-like side of the registry: which allocation a proxy address of this
 * node leads to, and who may reach it from elsewhere. Remote access (over
 * STOQ) asks {@link #authorize} for every request; an allocation is reachable
 * by its owner's certificate identity and by the identities its owner (or the
 * local operator) granted access to. Grants are durable and end with the
 * allocation.
 */
@ProviderType
public interface AllocationDirectory {

    /** @return the active allocation behind a proxy address of this node, if any */
    Optional<Allocation> resolve(Inet6Address proxyAddress);

    /**
     * The allocation behind {@code proxyAddress}, if {@code identity} may use it.
     *
     * @param kind the kind the caller expects, e.g. {@code memory}
     * @throws AssetException if no active allocation has that address, it is of
     *         another kind, or {@code identity} is neither its owner nor granted
     */
    Allocation authorize(Inet6Address proxyAddress, String kind, String identity) throws AssetException;

    /**
     * Lets {@code identity} (a certificate identity, e.g. {@code node2.internet2.network})
     * use an allocation remotely.
     *
     * @throws AssetException if the allocation is unknown, ended, or the caller
     *         is neither its owner nor the local operator, or the identity is blank
     */
    void grant(String allocationId, String identity, String caller) throws AssetException;

    /**
     * Withdraws a grant; withdrawing one that does not exist does nothing.
     *
     * @throws AssetException if the allocation is unknown or the caller is
     *         neither its owner nor the local operator
     */
    void revoke(String allocationId, String identity, String caller) throws AssetException;

    /** @return the identities granted access to the allocation (its owner not included) */
    Set<String> grantees(String allocationId);

    /**
     * @return the consensus proof the allocation was granted with, while this
     *         node runs (receipts are not kept across restarts), or empty when
     *         no consensus service validated it
     */
    Optional<ConsensusReceipt> consensusReceipt(String allocationId);
}
