package network.internet2.hypermesh.asset;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Provides one kind of asset from this machine's real resources. The registry
 * decides who gets what; the adapter performs the allocation and reports what
 * it has.
 */
@ConsumerType
public interface AssetAdapter {

    /** Service property naming the kind, e.g. {@code asset.kind=memory}. */
    String KIND_PROPERTY = "asset.kind";

    /** @return the kind of asset, equal to the {@link #KIND_PROPERTY} value */
    String kind();

    /** @return what this machine offers of this kind, as discovered */
    Capacity capacity();

    /**
     * Reserves real resources for an allocation the registry has granted.
     *
     * @param allocationId the registry's id for the allocation
     * @param amount       how much, in the unit of {@link Capacity#unit()}
     * @throws AssetException if the resources cannot be obtained; nothing stays reserved
     */
    void allocate(String allocationId, long amount) throws AssetException;

    /**
     * Whether the adapter holds the resources of an allocation now. The
     * registry asks before reserving an allocation again after its own
     * restart: one the adapter still holds keeps its resources (and its data).
     * An adapter that answers {@code false} is asked to allocate again.
     */
    default boolean holds(String allocationId) {
        return false;
    }

    /** Releases the resources of an allocation; releasing an unknown id does nothing. */
    void release(String allocationId);

    /** @return how much is in use now */
    long usage();

    /** @return whether the adapter can serve allocations, and why not */
    Health health();

    /**
     * An adapter's health.
     *
     * @param healthy whether it can serve allocations
     * @param detail  what a person should know
     */
    record Health(boolean healthy, String detail) {
    }
}
