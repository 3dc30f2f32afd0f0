package network.internet2.hypermesh.gpu;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import network.internet2.hypermesh.asset.AssetException;

/**
 * The GPUs of GPU allocations (asset kind {@code gpu}, unit devices),
 * addressed by the allocation's id.
 */
@ProviderType
public interface GpuAccess {

    /**
     * @return the devices the allocation holds, by index; as many as it was granted
     * @throws AssetException if no GPU allocation has this id (unknown or released)
     */
    List<GpuDevice> devices(String allocationId) throws AssetException;

    /** @return every GPU discovered on this machine, held or free, by index; empty where there is none */
    List<GpuDevice> inventory();
}
