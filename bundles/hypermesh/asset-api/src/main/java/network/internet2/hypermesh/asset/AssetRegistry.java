package network.internet2.hypermesh.asset;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Grants and tracks allocations of every asset kind. It never overcommits,
 * persists allocations across restarts, and ends those of an adapter that goes
 * away with a reason the owner can read.
 */
@ProviderType
public interface AssetRegistry {

    /** @return the kinds currently offered, with capacity and what is allocated */
    List<AssetKind> kinds();

    /**
     * Allocates {@code amount} of {@code kind} to {@code owner} for {@code lease}.
     *
     * @throws UnknownAssetKindException if no adapter of that kind is installed
     * @throws InsufficientCapacityException if granting it would overcommit
     * @throws AssetException for a non-positive amount or lease
     */
    Allocation allocate(String kind, long amount, Duration lease, String owner) throws AssetException;

    /**
     * Extends a lease from now.
     *
     * @throws AssetException if the allocation is unknown, ended, or not the caller's
     */
    Allocation renew(String allocationId, Duration lease, String caller) throws AssetException;

    /**
     * Releases an allocation and returns its capacity.
     *
     * @throws AssetException if the allocation is unknown or not the caller's
     */
    void release(String allocationId, String caller) throws AssetException;

    /** @return the allocation with this id, active or ended */
    Optional<Allocation> find(String allocationId);

    /** @return the active allocations */
    List<Allocation> allocations();

    /**
     * A kind of asset as the registry sees it.
     *
     * @param kind      the kind
     * @param capacity  what the adapter offers
     * @param allocated how much is granted now
     */
    record AssetKind(String kind, Capacity capacity, long allocated) {
    }
}
