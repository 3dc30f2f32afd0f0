package network.internet2.hypermesh.remote;

import org.osgi.annotation.versioning.ProviderType;

import network.internet2.hypermesh.asset.AssetException;

/**
 * Byte access to a memory allocation of another node, over STOQ, with the
 * semantics of the local {@code MemoryAccess}: bounds-checked, at most
 * {@link #MAX_TRANSFER} bytes a call, longs big-endian, compare-and-swap atomic.
 *
 * <p>A refusal by the remote node (no such proxy address, not the caller's,
 * out of bounds) is an {@link AssetException} carrying the node's reason, as
 * is a node that cannot be reached.
 */
@ProviderType
public interface RemoteMemory {

    /** The STOQ service name on the holding node. */
    String SERVICE = "hypermesh.memory";

    /** The most bytes one read or write moves: 16 MiB. */
    int MAX_TRANSFER = 16 * 1024 * 1024;

    long size(RemoteTarget target) throws AssetException;

    byte[] read(RemoteTarget target, long offset, int length) throws AssetException;

    void write(RemoteTarget target, long offset, byte[] data) throws AssetException;

    boolean compareAndSwapLong(RemoteTarget target, long offset, long expected, long replacement)
            throws AssetException;
}
