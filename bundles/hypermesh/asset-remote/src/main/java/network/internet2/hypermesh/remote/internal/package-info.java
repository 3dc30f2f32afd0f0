/**
 * Remote memory and storage over STOQ.
 *
 * <p>Server side: {@link network.internet2.hypermesh.remote.internal.RemoteMemoryService}
 * ({@code stoq.service=hypermesh.memory}) and
 * {@link network.internet2.hypermesh.remote.internal.RemoteStorageService}
 * ({@code hypermesh.storage}) serve one {@link network.internet2.hypermesh.remote.internal.RemoteRequest}
 * per stream through {@link network.internet2.hypermesh.remote.internal.RemoteAccessHandler}:
 * the proxy address is authorised for the caller's certificate identity by the
 * registry's {@code AllocationDirectory}, then the request runs against the
 * local {@code MemoryAccess} or {@code StorageAccess}.
 *
 * <p>Client side: {@link network.internet2.hypermesh.remote.internal.RemoteMemoryClient}
 * and {@link network.internet2.hypermesh.remote.internal.RemoteStorageClient}
 * send each call on its own stream of the transport's pooled connection.
 */
package network.internet2.hypermesh.remote.internal;
