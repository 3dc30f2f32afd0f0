/**
 * HyperMesh memory: byte access to the memory regions the memory asset
 * adapter holds for its allocations.
 *
 * <p>A {@link network.internet2.hypermesh.memory.MemoryAccess} reads, writes
 * and compare-and-swaps bytes of an allocation by offset. The local node uses
 * it directly; remote access (over STOQ) is layered on top of it.
 */
@Export
@Version("1.0.0")
package network.internet2.hypermesh.memory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
