/**
 * The VM asset adapter of HyperMesh: sandboxed WebAssembly.
 *
 * <p>What it is for: a node offers VMs as an asset (kind {@code vm}, unit
 * bytes) that others lease through the asset registry and then run WASI
 * preview 1 command modules in through
 * {@link network.internet2.hypermesh.vm.VmAccess}. An allocation's amount is
 * the cap on the linear memory of the modules run in it, a positive multiple of
 * 65536 bytes (one WebAssembly page). Modules run on
 * <a href="https://chicory.dev">Chicory</a>, a WebAssembly interpreter in pure
 * Java, embedded privately in this bundle.
 *
 * <p>What a module gets: its arguments ({@code argv[0]} is
 * {@code module.wasm}), the request's bytes as standard input, standard
 * output and error captured up to 1 MiB each, the clocks and random bytes
 * (SecureRandom); no files, no environment, no sockets, and no imports other
 * than WASI's functions (a module importing anything else is refused, naming
 * the import). It runs {@code _start}; returning from it is exit status 0.
 *
 * <p>How it is bounded, and what ends a run:
 * <ul>
 * <li><b>Instructions</b>: {@link network.internet2.hypermesh.vm.internal.InstructionMeter}
 * is Chicory's execution listener, called before every instruction; it counts
 * them and stops the run before the one past its limit
 * ({@code INSTRUCTION_LIMIT}). Measured on a 2-core VM (JDK 17, a tight
 * arithmetic loop, best of six interleaved rounds, with the guarded call
 * stack): the interpreter runs about 125 million instructions a second, and
 * metering adds 5 to 17 % ({@code MeteringOverheadTest} prints it on every
 * build).</li>
 * <li><b>Memory</b>: linear memory lives on the <b>Java heap</b> (Chicory's
 * {@code ByteBufferMemory}: one heap buffer per 64 KiB page, allocated as the
 * module grows), so the adapter offers at most half the JVM's maximum heap
 * ({@code max.memory.bytes}, default 128 MiB, fits a node whose heap is capped
 * at 384 MiB; nothing goes to direct memory). A module's memory maximum is
 * lowered to its allocation: a module whose declared minimum exceeds the
 * allocation is not run ({@code MEMORY_LIMIT}); {@code memory.grow} beyond the
 * allocation returns -1 as the specification says. What then happens is the
 * module's business: if it traps afterwards (a failed {@code malloc} that
 * aborts, or a use of memory it never got), the run ends as
 * {@code MEMORY_LIMIT}; if it exits, it ends as {@code EXITED} with its own
 * status, and the detail says how many grows were refused. Either way the
 * memory never exceeds the cap. Tables are bounded to 262,144 entries, the
 * call stack (frames' locals and operand stack) to 8 MiB by
 * {@link network.internet2.hypermesh.vm.internal.GuardedMachine}, and parsed
 * code by {@code max.code.bytes} (Chicory keeps about 50 bytes of heap per
 * instruction); modules with more than one memory, shared memory, GC types or
 * exception tags are refused. So one run holds at most about its allocation +
 * 50 × code size + 8 MiB of heap, and {@code max.concurrent.runs} runs (default
 * 2) take place at once.</li>
 * <li><b>Wall clock</b>: every {@code checkpoint.interval} instructions the
 * meter checks the deadline, stop requests and thread interruption; Chicory
 * itself checks interruption at every call and {@code br}.
 * {@link network.internet2.hypermesh.vm.internal.VmRunner} interrupts a run
 * still going shortly after its limit (a module sleeping in
 * {@code poll_oneoff}), so it ends as {@code WALL_CLOCK_LIMIT}.</li>
 * <li><b>CPU</b>: given a CPU allocation, the run takes place on its thread
 * through {@link network.internet2.hypermesh.cpu.CpuBudget#run}, and the meter
 * calls {@link network.internet2.hypermesh.cpu.CpuBudget#checkpoint()} at each
 * checkpoint, which throttles it to the allocation's share; the budget's
 * wall-clock limit ends it as {@code WALL_CLOCK_LIMIT}, the CPU allocation's
 * release as {@code CPU_LIMIT}. CPU threads have the JVM's default stack
 * (about 1,500 nested calls), the adapter's own threads 8 MiB (about
 * 10,000).</li>
 * <li><b>Traps</b> (unreachable, out-of-bounds access, division by zero, stack
 * exhaustion, including a {@link java.lang.StackOverflowError} of the run's
 * thread) end it as {@code TRAPPED}; {@code proc_exit(n)} as {@code EXITED}
 * with status n.</li>
 * <li><b>Release</b> of the VM allocation, or the adapter's deactivation,
 * stops its run; {@code execute} then throws an
 * {@link network.internet2.hypermesh.asset.AssetException}.</li>
 * </ul>
 *
 * <p>How it fits together:
 * {@link network.internet2.hypermesh.vm.internal.VmAssetAdapter} is the OSGi
 * component registered as {@link network.internet2.hypermesh.asset.AssetAdapter}
 * ({@code asset.kind=vm}) and {@link network.internet2.hypermesh.vm.VmAccess},
 * configured by PID {@code network.internet2.hypermesh.asset.vm}
 * ({@link network.internet2.hypermesh.vm.internal.VmSettings}).
 * {@link network.internet2.hypermesh.vm.internal.VmAllocations} keeps the
 * allocations; {@link network.internet2.hypermesh.vm.internal.SandboxModule}
 * parses and checks a module and
 * {@link network.internet2.hypermesh.vm.internal.SandboxInstance} instantiates
 * it with WASI, the meter and the caps;
 * {@link network.internet2.hypermesh.vm.internal.ModuleRun} is one run (its
 * end classified by {@link network.internet2.hypermesh.vm.internal.RunEnding})
 * and {@link network.internet2.hypermesh.vm.internal.VmRunner} decides where it
 * takes place and how long it is waited for.
 *
 * <p>Not here: leases, owners and overcommit across kinds (the asset
 * registry), compiling modules to Java bytecode (it would bypass the meter),
 * and WASI preview 2 or the component model.
 */
package network.internet2.hypermesh.vm.internal;
