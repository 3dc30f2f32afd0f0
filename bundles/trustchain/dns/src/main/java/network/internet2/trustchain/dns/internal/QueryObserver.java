package network.internet2.trustchain.dns.internal;

/**
 * Told of every query the server answers, on the event loop that answered it; so it must be quick
 * and must not throw. {@link DnsMetrics} is the one observer; without it, {@link #NONE}.
 */
@FunctionalInterface
interface QueryObserver {

    /** Observes nothing. */
    QueryObserver NONE = (type, rcode, tcp, nanos) -> { };

    /**
     * @param type  the question's type, or -1 when the query had no readable question (FORMERR)
     * @param rcode the answer's response code (extended codes included)
     * @param tcp   whether the query came over TCP
     * @param nanos how long answering took, from the packet's bytes to the answer's
     */
    void answered(int type, int rcode, boolean tcp, long nanos);
}
