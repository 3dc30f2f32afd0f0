/**
 * The storage asset adapter of HyperMesh.
 *
 * <p>What it is for: a node offers part of its disk as an asset (kind
 * {@code storage}, unit bytes) that others lease through the asset registry and
 * then read and write by block or byte range through
 * {@link network.internet2.hypermesh.storage.StorageAccess}.
 *
 * <p>How it fits together: {@link network.internet2.hypermesh.storage.internal.StorageFiles}
 * keeps one preallocated file per allocation (its amount rounded up to whole
 * blocks of 4096 bytes, written with zeros at allocation so a full disk fails
 * then, not later) under {@code ${karaf.data}/internet2/assets/storage} by
 * default. {@link network.internet2.hypermesh.storage.internal.StorageCapacity}
 * works out what the machine can offer (configured maximum, a fraction of the
 * file store's usable space plus what our files hold).
 * {@link network.internet2.hypermesh.storage.internal.StorageAssetAdapter}
 * wires them as the OSGi component registered as
 * {@link network.internet2.hypermesh.asset.AssetAdapter} ({@code asset.kind=storage})
 * and {@link network.internet2.hypermesh.storage.StorageAccess}.
 *
 * <p>Unlike memory, storage survives restarts: deactivation closes the files
 * and keeps them, files of allocations unknown at start are kept, and when the
 * registry re-reserves an allocation after a restart, the existing file of the
 * same id and size is reused with its contents. Releasing deletes the file.
 *
 * <p>Not here: leases, owners and overcommit checks across kinds (the asset
 * registry does those), encryption at rest, and remote access (a STOQ bundle
 * will use {@code StorageAccess}).
 */
package network.internet2.hypermesh.storage.internal;
