/**
 * HyperMesh remote assets: memory and storage allocations of other nodes,
 * read and written over STOQ.
 *
 * <p>Every allocation has a proxy address in its node's RFC 4193 prefix. A
 * {@link network.internet2.hypermesh.remote.RemoteTarget} names the node (its
 * DNS name, resolved by the stack's own DNS, or an IPv6 literal) and the proxy
 * address. {@link network.internet2.hypermesh.remote.RemoteMemory} reads,
 * writes and compares-and-swaps at offsets of a remote memory allocation;
 * {@link network.internet2.hypermesh.remote.RemoteStorage} reads, writes and
 * flushes a remote storage allocation. The holding node looks the proxy
 * address up in its allocation directory and serves the request only to the
 * allocation's owner, or to an identity it was granted to, as named by the
 * caller's validated TrustChain certificate.
 */
@Export
@Version("1.0.0")
package network.internet2.hypermesh.remote;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
