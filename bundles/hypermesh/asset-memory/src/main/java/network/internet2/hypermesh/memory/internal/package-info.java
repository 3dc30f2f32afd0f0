/**
 * The memory asset adapter of HyperMesh.
 *
 * <p>What it is for: a node offers part of its memory as an asset (kind
 * {@code memory}, unit bytes) that others lease through the asset registry and
 * then read and write by offset. This bundle holds that memory for real,
 * outside the Java heap and the direct memory limit, and offers byte access to
 * it through {@link network.internet2.hypermesh.memory.MemoryAccess}.
 *
 * <p>How it fits together: {@link network.internet2.hypermesh.memory.internal.MemoryRegions}
 * keeps one region per allocation, a file in a tmpfs ({@code /dev/shm} by
 * default) committed, mapped in chunks of at most 1 GiB and deleted so only the
 * mapping holds it. {@link network.internet2.hypermesh.memory.internal.MemoryCapacity}
 * works out what the machine can offer (configured maximum, a fraction of
 * physical memory, the tmpfs's free space).
 * {@link network.internet2.hypermesh.memory.internal.MemoryAssetAdapter} wires
 * them as the OSGi component registered as
 * {@link network.internet2.hypermesh.asset.AssetAdapter} ({@code asset.kind=memory})
 * and {@link network.internet2.hypermesh.memory.MemoryAccess}.
 *
 * <p>Not here: leases, owners and overcommit checks across kinds (the asset
 * registry does those), and remote access (a STOQ bundle will use
 * {@code MemoryAccess}).
 */
package network.internet2.hypermesh.memory.internal;
