package network.internet2.management.webconsole.internal;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The current service of an optional, dynamic, greedy reference. DS binds a better replacement before it unbinds
 * the one replaced, so unbinding clears only the service that is still current.
 */
final class OptionalService<S> {

    private final AtomicReference<S> current = new AtomicReference<>();

    void set(S service) {
        current.set(service);
    }

    void unset(S service) {
        current.compareAndSet(service, null);
    }

    /** @return the service, or {@code null} while none is bound */
    S get() {
        return current.get();
    }
}
