/**
 * HyperMesh storage: block and byte access to the files the storage asset
 * adapter holds for its allocations.
 *
 * <p>A {@link network.internet2.hypermesh.storage.StorageAccess} reads and
 * writes whole blocks or byte ranges of an allocation and flushes them to
 * stable storage. The local node uses it directly; remote access (over STOQ)
 * is layered on top of it.
 */
@Export
@Version("1.0.0")
package network.internet2.hypermesh.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
