package network.internet2.hypermesh.storage;

import org.osgi.annotation.versioning.ProviderType;

import network.internet2.hypermesh.asset.AssetException;

/**
 * Block and byte access to the storage of a storage allocation (asset kind
 * {@code storage}), addressed by the allocation's id and a block index or a
 * byte offset.
 *
 * <p>An allocation's storage is a whole number of blocks of {@link #blockSize()}
 * bytes: its size is the allocated amount rounded up to whole blocks. It starts
 * zeroed, and unlike memory it survives restarts of the node: once the registry
 * re-reserves the allocation after a restart, its contents are as they were
 * (up to the last {@link #flush}; unflushed writes may be lost by a crash).
 *
 * <p>Every call is bounds-checked and changes nothing when it fails. An
 * allocation that is unknown or has been released fails with an
 * {@link AssetException}, as does an I/O error of the underlying storage; a
 * negative or out-of-range offset, length or block index, a block of the wrong
 * length, or a transfer above {@link #MAX_TRANSFER} bytes fails with an
 * {@link IllegalArgumentException}. Writes of different callers to
 * overlapping ranges are not ordered with each other.
 */
@ProviderType
public interface StorageAccess {

    /** The most bytes one {@link #read} or {@link #write} moves: 16 MiB. */
    int MAX_TRANSFER = 16 * 1024 * 1024;

    /** @return the size of a block in bytes (4096) */
    int blockSize();

    /**
     * @return the allocation's size in bytes, a multiple of {@link #blockSize()}
     * @throws AssetException if no allocation has this id
     */
    long size(String allocationId) throws AssetException;

    /**
     * Reads one whole block.
     *
     * @return {@link #blockSize()} bytes
     * @throws AssetException if no allocation has this id, or on an I/O error
     * @throws IllegalArgumentException if the block index is negative or past the end
     */
    byte[] readBlock(String allocationId, long blockIndex) throws AssetException;

    /**
     * Writes one whole block.
     *
     * @param block exactly {@link #blockSize()} bytes
     * @throws AssetException if no allocation has this id, or on an I/O error
     * @throws IllegalArgumentException if the block index is negative or past the
     *         end, or the block is not exactly {@link #blockSize()} bytes long
     */
    void writeBlock(String allocationId, long blockIndex, byte[] block) throws AssetException;

    /**
     * Copies {@code length} bytes starting at {@code offset}.
     *
     * @throws AssetException if no allocation has this id, or on an I/O error
     * @throws IllegalArgumentException if the range is not inside the allocation or
     *         {@code length} exceeds {@link #MAX_TRANSFER}
     */
    byte[] read(String allocationId, long offset, int length) throws AssetException;

    /**
     * Stores {@code data} starting at {@code offset}.
     *
     * @throws AssetException if no allocation has this id, or on an I/O error
     * @throws IllegalArgumentException if the range is not inside the allocation or
     *         the data is longer than {@link #MAX_TRANSFER}
     */
    void write(String allocationId, long offset, byte[] data) throws AssetException;

    /**
     * Forces every write to the allocation so far onto stable storage (fsync).
     *
     * @throws AssetException if no allocation has this id, or on an I/O error
     */
    void flush(String allocationId) throws AssetException;
}
