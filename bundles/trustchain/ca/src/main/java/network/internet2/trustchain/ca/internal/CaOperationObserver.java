package network.internet2.trustchain.ca.internal;

/**
 * Told of every CA operation as it completes, on the caller's thread; so it must be quick and must not
 * throw. {@link CaMetrics} is the one observer; without it, {@link #NONE}.
 */
@FunctionalInterface
interface CaOperationObserver {

    /** Observes nothing. */
    CaOperationObserver NONE = (operation, success, nanos) -> { };

    /**
     * @param operation what was done
     * @param success   whether it succeeded: a certificate issued, renewed or revoked; for a validation,
     *                  whether the chain was found valid
     * @param nanos     how long it took, CT logging of an issuance included
     */
    void completed(CaOperation operation, boolean success, long nanos);
}
