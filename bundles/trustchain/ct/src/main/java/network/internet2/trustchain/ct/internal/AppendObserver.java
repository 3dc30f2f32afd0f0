package network.internet2.trustchain.ct.internal;

/**
 * Told of every batch of entries made durable, on the log's writer thread, before their submitters are
 * answered; so it must be quick and must not throw. {@link CtMetrics} is the one observer; without it,
 * {@link #NONE}.
 */
@FunctionalInterface
interface AppendObserver {

    /** Observes nothing. */
    AppendObserver NONE = entries -> { };

    /** @param entries how many entries were just appended to the tree (at least one) */
    void appended(int entries);
}
