/**
 * HyperMesh VMs: sandboxed WebAssembly run inside a VM allocation.
 *
 * <p>A VM allocation (asset kind {@code vm}, unit bytes) is the memory cap of
 * the modules run in it: their linear memory may never grow beyond the
 * allocation's amount. {@link network.internet2.hypermesh.vm.VmAccess} runs a
 * WASI command module with its arguments and standard input, counting every
 * instruction it executes, stopping it at its instruction limit or its
 * wall-clock bound, and returns its output and exit status. Given a CPU
 * allocation, the run also takes place inside that allocation's CPU share.
 */
@Export
@Version("1.0.0")
package network.internet2.hypermesh.vm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
