package network.internet2.hypermesh.cpu;

import org.osgi.annotation.versioning.ProviderType;

import network.internet2.hypermesh.asset.AssetException;

/**
 * The CPU budgets of CPU allocations (asset kind {@code cpu}, unit
 * millicores), addressed by the allocation's id.
 */
@ProviderType
public interface CpuAccess {

    /**
     * @return the budget of the allocation, which runs work within its share
     * @throws AssetException if no CPU allocation has this id (unknown or released)
     */
    CpuBudget budget(String allocationId) throws AssetException;
}
