package network.internet2.hypermesh.vm.internal;

import java.util.Deque;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.StackFrame;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;

/**
 * Chicory's interpreter with a bounded call stack. Every call frame holds its
 * parameters and locals on the heap (a function may declare 50,000 locals),
 * so recursion alone could exhaust the node's heap long before the thread's
 * stack overflows; this machine counts what the live frames and the operand
 * stack hold and traps with "call stack exhausted" beyond
 * {@value #MAX_STACK_BYTES} bytes, as a native runtime traps at its stack
 * guard. One machine serves one instance on one thread.
 */
final class GuardedMachine extends InterpreterMachine {

    /** The most bytes the call frames and operand stack of one run may hold. */
    static final long MAX_STACK_BYTES = 8L * 1024 * 1024;
    /** What a frame costs besides its values: the frame and its control stack. */
    static final int FRAME_OVERHEAD_BYTES = 256;

    private long frameBytes;

    GuardedMachine(Instance instance) {
        super(instance);
    }

    @Override
    protected long[] call(MStack stack, Instance instance, Deque<StackFrame> callStack, int funcId, long[] args,
            FunctionType callType, boolean popResults) {
        FunctionBody body = instance.function(funcId);
        int values = (args == null ? 0 : args.length) + (body == null ? 0 : body.localTypes().size());
        long bytes = FRAME_OVERHEAD_BYTES + 8L * values;
        long held = frameBytes + bytes + 8L * stack.size();
        if (held > MAX_STACK_BYTES) {
            throw new TrapException("call stack exhausted: " + (callStack.size() + 1) + " frames would hold "
                    + held + " bytes, more than the " + MAX_STACK_BYTES + " allowed");
        }
        frameBytes += bytes;
        try {
            return super.call(stack, instance, callStack, funcId, args, callType, popResults);
        } finally {
            frameBytes -= bytes;
        }
    }
}
