package network.internet2.management.health.internal;

import java.util.List;
import java.util.Set;

/**
 * What the health check looks at, read from the framework at one moment.
 *
 * @param bundles    every installed bundle
 * @param services   the object classes of every registered service
 * @param components the Declarative Services components of every bundle
 */
record FrameworkSnapshot(List<BundleState> bundles, Set<String> services, List<ComponentState> components) {

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

    /**
     * One enabled DS component.
     *
     * @param bundle  symbolic name of the bundle that declares it
     * @param name    the component name
     * @param working whether it is active or satisfied
     * @param detail  its state, and what it waits for when it is not working
     */
    record ComponentState(String bundle, String name, boolean working, String detail) {
    }
}
