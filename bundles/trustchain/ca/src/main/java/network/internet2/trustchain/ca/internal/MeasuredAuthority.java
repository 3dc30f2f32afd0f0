package network.internet2.trustchain.ca.internal;

/**
 * What {@link CaMetrics} reads from a CA and how it hears of its operations: offered by the CA's core
 * ({@link HybridCertificateAuthority}) and by its component ({@link CaComponent}), which forwards to the
 * core once it is open.
 */
interface MeasuredAuthority {

    /** Sets who is told of each operation ({@link CaOperationObserver#NONE} to stop). */
    void observe(CaOperationObserver observer);

    /** @return certificates issued that are neither expired nor revoked, or -1 while the CA is not open */
    long activeCertificates();

    /** @return certificates revoked (as recorded in the journal), or -1 while the CA is not open */
    long revocations();
}
