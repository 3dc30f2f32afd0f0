package network.internet2.hypermesh.remote;

import org.osgi.annotation.versioning.ProviderType;

import network.internet2.hypermesh.asset.AssetException;

/**
 * Byte access to a storage allocation of another node, over STOQ, with the
 * semantics of the local {@code StorageAccess}; {@link #flush} returns once
 * the writes so far are on the remote node's stable storage.
 */
@ProviderType
public interface RemoteStorage {

    /** The STOQ service name on the holding node. */
    String SERVICE = "hypermesh.storage";

    /** The most bytes one read or write moves: 16 MiB. */
    int MAX_TRANSFER = 16 * 1024 * 1024;

    long size(RemoteTarget target) throws AssetException;

    byte[] read(RemoteTarget target, long offset, int length) throws AssetException;

    void write(RemoteTarget target, long offset, byte[] data) throws AssetException;

    void flush(RemoteTarget target) throws AssetException;
}
