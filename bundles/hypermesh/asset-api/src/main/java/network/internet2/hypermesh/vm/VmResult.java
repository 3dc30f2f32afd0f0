package network.internet2.hypermesh.vm;

import java.time.Duration;

/**
 * How a run ended.
 *
 * @param outcome         why it ended
 * @param exitCode        the WASI exit status when {@link Outcome#EXITED}, otherwise -1
 * @param stdout          standard output, at most {@link VmAccess#MAX_OUTPUT_BYTES}
 * @param stderr          standard error, at most {@link VmAccess#MAX_OUTPUT_BYTES}
 * @param outputTruncated whether output beyond the limit was dropped
 * @param instructions    WebAssembly instructions executed
 * @param elapsed         wall-clock time of the run
 * @param detail          what a person should know, e.g. the trap's message
 */
public record VmResult(Outcome outcome, int exitCode, byte[] stdout, byte[] stderr, boolean outputTruncated,
        long instructions, Duration elapsed, String detail) {

    /** Why a run ended. */
    public enum Outcome {
        /** The program returned from {@code _start} (exit status 0) or called {@code proc_exit}. */
        EXITED,
        /** The program trapped (unreachable, out-of-bounds access, division by zero, stack overflow, ...). */
        TRAPPED,
        /**
         * The allocation's memory cap ended the program: its memory starts beyond the allocation (it was not
         * run), or it trapped after {@code memory.grow} beyond the allocation was refused. A program that
         * handles the refusal and exits ends {@link #EXITED}, with the refusal in the detail.
         */
        MEMORY_LIMIT,
        /** The program executed its instruction limit. */
        INSTRUCTION_LIMIT,
        /** The program ran out of its wall-clock bound. */
        WALL_CLOCK_LIMIT,
        /** The CPU allocation's limit stopped the program, or the CPU allocation was released while it ran. */
        CPU_LIMIT
    }

    public VmResult {
        stdout = stdout.clone();
        stderr = stderr.clone();
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    @Override
    public byte[] stderr() {
        return stderr.clone();
    }
}
