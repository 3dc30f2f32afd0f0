package network.internet2.hypermesh.vm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.function.Supplier;

import org.junit.Test;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * Metering changes nothing but the count: the same arithmetic loop gives the same result on Chicory's
 * plain interpreter and on the sandbox's (the instruction meter with its checkpoints, and the guarded
 * call stack), and every instruction is counted. What metering costs in time is printed for the
 * curious, never asserted: timing belongs in benchmarks.
 */
public class MeteringTest {

    private static final int ITERATIONS = 2_000_000;
    private static final int ROUNDS = 2;

    /** 14 instructions an iteration: acc += i * 31; i++; loop while i < n. */
    private static final String LOOP = "(module (func (export \"run\") (param $n i32) (result i32)"
            + " (local $i i32) (local $acc i32)"
            + " (loop $l"
            + "   (local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $i) (i32.const 31))))"
            + "   (local.set $i (i32.add (local.get $i) (i32.const 1)))"
            + "   (br_if $l (i32.lt_u (local.get $i) (local.get $n))))"
            + " (local.get $acc)))";

    /** Times one run of the loop, checking its result. */
    private static long nanos(Instance instance, long expected) {
        long start = System.nanoTime();
        long result = instance.export("run").apply(ITERATIONS)[0];
        long elapsed = System.nanoTime() - start;
        assertEquals(expected, result);
        return elapsed;
    }

    @Test
    public void meteringCountsEveryInstructionAndChangesNoResult() {
        WasmModule module = Parser.parse(Wat.wasm(LOOP));
        long expected = Instance.builder(module).build().export("run").apply(ITERATIONS)[0];
        InstructionMeter[] meter = new InstructionMeter[1];
        Supplier<Instance> metered = () -> {
            meter[0] = new InstructionMeter(Long.MAX_VALUE, 10_000, stack -> { }, 1, 1);
            return Instance.builder(module).withMachineFactory(GuardedMachine::new)
                    .withUnsafeExecutionListener(meter[0]).build();
        };
        long plain = Long.MAX_VALUE;
        long sandboxed = Long.MAX_VALUE;
        // interleaved, so that both see the same JIT state and machine load
        for (int round = 0; round < ROUNDS; round++) {
            plain = Math.min(plain, nanos(Instance.builder(module).build(), expected));
            sandboxed = Math.min(sandboxed, nanos(metered.get(), expected));
        }
        long instructions = meter[0].executed();
        assertTrue("counted every instruction of the loop: " + instructions, instructions >= 14L * ITERATIONS
                && instructions < 14L * ITERATIONS + 100);
        double overhead = 100.0 * (sandboxed - plain) / plain;
        System.out.printf("Metering: %d instructions, plain %.0f ms (%.0f million/s), metered %.0f ms: %+.1f %%%n",
                instructions, plain / 1e6, instructions * 1e3 / plain, sandboxed / 1e6, overhead);
    }
}
