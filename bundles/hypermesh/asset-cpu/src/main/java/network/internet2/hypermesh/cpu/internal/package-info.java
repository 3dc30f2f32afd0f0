/**
 * The CPU asset adapter of HyperMesh.
 *
 * <p>What it is for: a node offers part of its CPU as an asset (kind
 * {@code cpu}, unit millicores, 1000 = one core) that others lease through the
 * asset registry and then run work in through
 * {@link network.internet2.hypermesh.cpu.CpuAccess}.
 *
 * <p>How it fits together: {@link network.internet2.hypermesh.cpu.internal.CpuCapacity}
 * works out what the machine offers (processors, the cgroup v2 {@code cpu.max}
 * limit, a configured fraction and maximum).
 * {@link network.internet2.hypermesh.cpu.internal.CpuBudgets} keeps one
 * {@link network.internet2.hypermesh.cpu.internal.AllocationBudget} per
 * allocation without overcommitting; a budget runs work on the allocation's
 * threads and throttles it by thread CPU time at the work's checkpoints.
 * {@link network.internet2.hypermesh.cpu.internal.CpuAssetAdapter} wires them
 * as the OSGi component registered as
 * {@link network.internet2.hypermesh.asset.AssetAdapter} ({@code asset.kind=cpu})
 * and {@link network.internet2.hypermesh.cpu.CpuAccess}.
 *
 * <p>Enforcement is cooperative (checkpoints) plus interruption at the
 * wall-clock limit: the JVM cannot preempt a thread. Not here: leases, owners
 * and overcommit across kinds (the asset registry), and instruction metering
 * (the VM adapter calls checkpoints from it).
 */
package network.internet2.hypermesh.cpu.internal;
