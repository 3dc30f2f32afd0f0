package network.internet2.hypermesh.vm.internal;

import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;

import network.internet2.hypermesh.vm.VmResult.Outcome;

/**
 * Counts every instruction the interpreter executes (Chicory calls it before
 * each one, on the run's thread) and stops the run before the one past its
 * limit. Every {@code interval} instructions it hands over to a
 * {@link Checkpoint} (wall clock, stop requests, CPU share). It also watches
 * {@code memory.grow}: a grow the allocation's cap refuses (but the module's
 * own maximum would allow) is counted, so the run's end can be put down to
 * the memory limit.
 *
 * <p>The hot path is an increment, a compare and an opcode test; the
 * measured cost is in the package documentation.
 */
final class InstructionMeter implements ExecutionListener {

    /** What runs every interval of instructions; it may stop the run by throwing {@link RunStop}. */
    @FunctionalInterface
    interface Checkpoint {
        void check(MStack stack);
    }

    private final long limit;
    private final int interval;
    private final Checkpoint checkpoint;
    private final int capPages;
    private final int ownMaxPages;
    private Memory memory;
    private long executed;
    private long nextCheck;
    private int refusedGrows;

    /**
     * @param limit       the most instructions the run may execute
     * @param interval    instructions between checkpoints
     * @param checkpoint  what to do at each
     * @param capPages    the most pages of memory the allocation allows
     * @param ownMaxPages the most pages the module's own declaration allows
     */
    InstructionMeter(long limit, int interval, Checkpoint checkpoint, int capPages, int ownMaxPages) {
        this.limit = limit;
        this.interval = interval;
        this.checkpoint = checkpoint;
        this.capPages = capPages;
        this.ownMaxPages = ownMaxPages;
        this.nextCheck = Math.min(interval, limit);
    }

    /** Tells the meter which memory {@code memory.grow} grows. */
    void watch(Memory grown) {
        this.memory = grown;
    }

    @Override
    public void onExecution(Instruction instruction, MStack stack) {
        if (executed >= nextCheck) {
            reachedCheck(stack);
        }
        executed++;
        if (instruction.opcode() == OpCode.MEMORY_GROW) {
            watchGrow(stack);
        }
    }

    private void reachedCheck(MStack stack) {
        if (executed >= limit) {
            throw new RunStop(Outcome.INSTRUCTION_LIMIT, "the module reached its limit of " + limit
                    + " instructions");
        }
        checkpoint.check(stack);
        nextCheck = Math.min(executed + interval, limit);
    }

    private void watchGrow(MStack stack) {
        if (memory == null || stack.size() == 0) {
            return;
        }
        long wanted = memory.pages() + (stack.peek() & 0xFFFF_FFFFL);
        if (wanted > capPages && wanted <= ownMaxPages) {
            refusedGrows++;
        }
    }

    /** @return the instructions executed so far */
    long executed() {
        return executed;
    }

    /** @return how many {@code memory.grow}s the allocation's cap refused */
    int refusedGrows() {
        return refusedGrows;
    }

    /** @return the cap, in pages */
    int capPages() {
        return capPages;
    }
}
