package network.internet2.hypermesh.vm.internal;

import network.internet2.hypermesh.vm.VmResult.Outcome;

/**
 * Unwinds the interpreter when a run must end for a reason of the host (a
 * limit, a stop request), carrying that reason to where the result is made.
 * It is neither a Chicory exception nor a WebAssembly exception, so nothing in
 * the guest can catch it.
 */
final class RunStop extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Outcome outcome;

    RunStop(Outcome outcome, String detail) {
        super(detail, null, false, false);
        this.outcome = outcome;
    }

    /** @return how the run ends */
    Outcome outcome() {
        return outcome;
    }
}
