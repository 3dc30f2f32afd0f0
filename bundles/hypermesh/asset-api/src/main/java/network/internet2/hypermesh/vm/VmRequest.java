package network.internet2.hypermesh.vm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One run of a module.
 *
 * @param module          the WebAssembly binary (at most {@link VmAccess#MAX_MODULE_BYTES})
 * @param arguments       the program's arguments ({@code argv[1..]}; the VM supplies {@code argv[0]})
 * @param stdin           what the program reads from standard input
 * <p>Limits are bounded by the node's configuration: a request asking for more
 * than its maximum is refused; one giving zero gets the node's default.
 *
 * @param cpuAllocationId a CPU allocation whose share the run takes place in, or {@code null}
 * @param maxInstructions the most WebAssembly instructions the run may execute, or 0 for the node's default
 * @param wallClockLimit  how long the run may take, or {@link Duration#ZERO} for the node's default
 */
public record VmRequest(byte[] module, List<String> arguments, byte[] stdin, String cpuAllocationId,
        long maxInstructions, Duration wallClockLimit) {

    public VmRequest {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(wallClockLimit, "wallClockLimit");
        module = module.clone();
        arguments = List.copyOf(arguments);
        stdin = stdin == null ? new byte[0] : stdin.clone();
    }

    @Override
    public byte[] module() {
        return module.clone();
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }
}
