package network.internet2.hypermesh.assets.internal;

import java.io.IOException;

import network.internet2.hypermesh.asset.Allocation;

/**
 * Where the {@link AllocationBook} records every change before it takes effect
 * for the caller; {@link AllocationJournal} makes them durable.
 */
interface AllocationRecorder {

    /** Records nothing: for a book that need not survive a restart. */
    AllocationRecorder NONE = new AllocationRecorder() {
        @Override
        public void granted(Allocation allocation) {
        }

        @Override
        public void renewed(Allocation allocation) {
        }

        @Override
        public void ended(Allocation allocation) {
        }

        @Override
        public void accessGranted(String allocationId, String identity) {
        }

        @Override
        public void accessRevoked(String allocationId, String identity) {
        }
    };

    void granted(Allocation allocation) throws IOException;

    void renewed(Allocation allocation) throws IOException;

    void ended(Allocation allocation) throws IOException;

    void accessGranted(String allocationId, String identity) throws IOException;

    void accessRevoked(String allocationId, String identity) throws IOException;
}
