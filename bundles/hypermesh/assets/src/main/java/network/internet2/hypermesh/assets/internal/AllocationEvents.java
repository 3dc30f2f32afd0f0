package network.internet2.hypermesh.assets.internal;

import network.internet2.hypermesh.asset.Allocation;

/**
 * Told when an allocation becomes active (granted, or restored at start) and
 * when it ends. Called under the registry's lock: implementations must only
 * take note and do their work elsewhere.
 */
interface AllocationEvents {

    /** Tells nothing to no one. */
    AllocationEvents NONE = new AllocationEvents() {
        @Override
        public void started(Allocation allocation) {
        }

        @Override
        public void ended(Allocation allocation) {
        }
    };

    void started(Allocation allocation);

    void ended(Allocation allocation);
}
