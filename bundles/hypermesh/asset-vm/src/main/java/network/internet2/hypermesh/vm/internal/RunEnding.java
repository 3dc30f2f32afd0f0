package network.internet2.hypermesh.vm.internal;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;

import network.internet2.hypermesh.vm.VmResult.Outcome;

/**
 * How a run ended by itself (an exit or a trap), or that a stop ended it,
 * whose reason is recorded apart. A trap after {@code memory.grow} was refused
 * by the allocation's cap is put down to the memory limit; an exit keeps the
 * program's own status, with the refusals noted.
 *
 * @param outcome  the outcome, {@code null} when stopped
 * @param exitCode the exit status when {@link Outcome#EXITED}, otherwise -1
 * @param detail   what a person should know, {@code null} when stopped
 * @param stopped  whether a stop ended the run
 */
record RunEnding(Outcome outcome, int exitCode, String detail, boolean stopped) {

    /** A stop ended the run. */
    static RunEnding byStop() {
        return new RunEnding(null, -1, null, true);
    }

    /** The program exited with {@code code}. */
    static RunEnding exited(int code, String how, InstructionMeter meter, String allocationId) {
        return new RunEnding(Outcome.EXITED, code, how + memoryNote(meter, allocationId), false);
    }

    /** The program trapped. */
    static RunEnding trapped(String trap, InstructionMeter meter, String allocationId) {
        if (meter.refusedGrows() > 0) {
            return new RunEnding(Outcome.MEMORY_LIMIT, -1,
                    "the module trapped (" + trap + ")" + memoryNote(meter, allocationId), false);
        }
        return new RunEnding(Outcome.TRAPPED, -1, "the module trapped: " + trap, false);
    }

    /** @return whether {@code failure} came of the run's thread being interrupted */
    static boolean isInterruption(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ChicoryInterruptedException || cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** @return what a trap says */
    static String describe(Throwable trap) {
        String message = trap.getMessage();
        return message == null || message.isBlank() ? trap.getClass().getSimpleName() : message;
    }

    private static String memoryNote(InstructionMeter meter, String allocationId) {
        int refused = meter.refusedGrows();
        if (refused == 0) {
            return "";
        }
        return " after memory.grow was refused " + refused + (refused == 1 ? " time" : " times")
                + ": vm allocation '" + allocationId + "' caps its linear memory at "
                + (long) meter.capPages() * VmSettings.PAGE_BYTES + " bytes";
    }
}
