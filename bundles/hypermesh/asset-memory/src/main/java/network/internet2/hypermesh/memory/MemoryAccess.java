package network.internet2.hypermesh.memory;

import org.osgi.annotation.versioning.ProviderType;

import network.internet2.hypermesh.asset.AssetException;

/**
 * Byte access to the memory region of a memory allocation (asset kind
 * {@code memory}), addressed by the allocation's id and a byte offset.
 *
 * <p>Every call is bounds-checked and changes nothing when it fails. An
 * allocation that is unknown or has been released fails with an
 * {@link AssetException}; a negative or out-of-range offset or length, a
 * transfer above {@link #MAX_TRANSFER} bytes or a misaligned
 * compare-and-swap fails with an {@link IllegalArgumentException}.
 *
 * <p>Regions start zeroed. Longs are big-endian (network byte order), so the
 * eight bytes {@link #read} returns at a long's offset are its big-endian form.
 * Writes of different callers to overlapping ranges are not ordered with each
 * other; {@link #compareAndSwapLong} is the one atomic operation.
 */
@ProviderType
public interface MemoryAccess {

    /** The most bytes one {@link #read} or {@link #write} moves: 16 MiB. */
    int MAX_TRANSFER = 16 * 1024 * 1024;

    /**
     * @return the region's size in bytes
     * @throws AssetException if no region has this id
     */
    long size(String allocationId) throws AssetException;

    /**
     * Copies {@code length} bytes starting at {@code offset}.
     *
     * @throws AssetException if no region has this id
     * @throws IllegalArgumentException if the range is not inside the region or
     *         {@code length} exceeds {@link #MAX_TRANSFER}
     */
    byte[] read(String allocationId, long offset, int length) throws AssetException;

    /**
     * Stores {@code data} starting at {@code offset}.
     *
     * @throws AssetException if no region has this id
     * @throws IllegalArgumentException if the range is not inside the region or
     *         the data is longer than {@link #MAX_TRANSFER}
     */
    void write(String allocationId, long offset, byte[] data) throws AssetException;

    /**
     * Atomically replaces the long at {@code offset} with {@code replacement}
     * if it equals {@code expected}.
     *
     * @param offset a multiple of 8 inside the region
     * @return whether the long was replaced
     * @throws AssetException if no region has this id
     * @throws IllegalArgumentException if the offset is misaligned or outside the region
     */
    boolean compareAndSwapLong(String allocationId, long offset, long expected, long replacement)
            throws AssetException;
}
