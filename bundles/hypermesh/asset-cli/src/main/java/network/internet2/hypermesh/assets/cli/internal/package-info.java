/**
 * Karaf shell commands of the HyperMesh asset registry, for an operator at the
 * node's console (scope {@code asset}):
 * <ul>
 * <li>{@code asset:list} — the kinds offered: unit, total, allocated, available,
 * and the health of each kind's adapter;</li>
 * <li>{@code asset:allocate <kind> <amount> [--lease 3600|90m|2h|1d]} — an allocation
 * for the operator (owner {@code local-operator}); amounts of kinds counted in bytes
 * take {@code KiB}/{@code MiB}/{@code GiB}/{@code TiB} (1024-based) or
 * {@code kB}/{@code MB}/{@code GB}/{@code TB} (1000-based) suffixes, as in
 * {@code asset:allocate memory 64MiB};</li>
 * <li>{@code asset:release <id>} — ends an allocation now;</li>
 * <li>{@code asset:grant [--revoke] <id> [identity]} — lets a certificate identity
 * (another node) read and write the allocation remotely over STOQ, withdraws that,
 * or lists who may;</li>
 * <li>{@code asset:allocations [--all]} — the active allocations, the operator's own,
 * or with {@code --all} every owner's (the registry lists no ended allocations);</li>
 * <li>{@code asset:exec [--cpu id] [--max-instructions n] [--timeout ms] [--stdin file]
 * <vm-allocation> <module.wasm> [args…]} — runs a WASI module in a {@code vm}
 * allocation, prints its stdout and stderr and how it ended; the command fails
 * unless the program exits with status 0. Needs the {@code asset-vm} feature. The
 * program's stderr goes to the session's stderr, which the interactive console shows
 * but Karaf's batch client ({@code bin/client -b}) does not forward; use the REST
 * exec endpoint when a script needs both streams.</li>
 * </ul>
 *
 * <p>Options go before the arguments (Karaf stops reading options at the first
 * argument, so program arguments starting with {@code -} reach the program).
 * Completion offers the kinds for {@code allocate}, active allocation ids for
 * {@code release} and {@code grant}, active {@code vm} allocations for {@code exec},
 * active {@code cpu} allocations for {@code --cpu}, the identities granted an
 * allocation for {@code grant}'s identity, and file paths for the module and
 * {@code --stdin}. User errors fail the command with a one-line message and no stack
 * trace. The commands only call the {@link network.internet2.hypermesh.asset.AssetRegistry}
 * (and, for exec, {@link network.internet2.hypermesh.vm.VmAccess}); Karaf registers them
 * while the registry is present. The bundle carries the header
 * {@code Karaf-Commands: network.internet2.hypermesh.assets.cli.internal} (see
 * {@code bnd.bnd}) and is installed by the {@code hypermesh-assets} feature when the
 * {@code shell} feature is there. Nothing here is exported.
 */
package network.internet2.hypermesh.assets.cli.internal;
