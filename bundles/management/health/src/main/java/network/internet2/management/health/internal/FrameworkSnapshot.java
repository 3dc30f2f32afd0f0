package network.internet2.management.health.internal;

import java.util.List;
import java.util.Set;

/**
 * What the health check looks at, read from the framework at one moment.
 *
 * @param bundles  every installed bundle
 * @param services the object classes of every registered service
 */
record FrameworkSnapshot(List<BundleState> bundles, Set<String> services) {

    /**
     * One bundle.
     *
     * @param symbolicName its symbolic name
     * @param state        {@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, …
     * @param fragment     whether it is a fragment (which never becomes active)
     */
    record BundleState(String symbolicName, String state, boolean fragment) {

        boolean running() {
            return "ACTIVE".equals(state) || fragment && "RESOLVED".equals(state);
        }
    }
}
