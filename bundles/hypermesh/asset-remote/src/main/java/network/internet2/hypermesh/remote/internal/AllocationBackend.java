package network.internet2.hypermesh.remote.internal;

import network.internet2.hypermesh.asset.AssetException;

/** The local access to one kind of allocation that remote requests are served from. */
interface AllocationBackend {

    /** @return the asset kind served, e.g. {@code memory} */
    String kind();

    long size(String allocationId) throws AssetException;

    byte[] read(String allocationId, long offset, int length) throws AssetException;

    void write(String allocationId, long offset, byte[] data) throws AssetException;

    /** @throws IllegalArgumentException where the kind has no such operation */
    boolean compareAndSwapLong(String allocationId, long offset, long expected, long replacement)
            throws AssetException;

    /** @throws IllegalArgumentException where the kind has no such operation */
    void flush(String allocationId) throws AssetException;
}
