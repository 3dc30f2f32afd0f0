/**
 * HyperMesh CPU: running work inside the CPU share of a CPU allocation.
 *
 * <p>{@link network.internet2.hypermesh.cpu.CpuAccess} gives the
 * {@link network.internet2.hypermesh.cpu.CpuBudget} of an allocation (asset
 * kind {@code cpu}, unit millicores). A budget runs work on a thread of the
 * allocation and keeps its CPU time within the allocation's share.
 *
 * <p>Enforcement is cooperative: the JVM cannot preempt a thread, so the work
 * calls {@link network.internet2.hypermesh.cpu.CpuBudget#checkpoint()}, which
 * pauses it while it is ahead of its share and stops it when a limit is
 * reached; at the wall-clock limit the thread is also interrupted. Work that
 * neither calls checkpoints nor honours interruption is only reported as having
 * exceeded its limit, it keeps running.
 */
@Export
@Version("1.0.0")
package network.internet2.hypermesh.cpu;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
