/**
 * HyperMesh assets: everything a node offers (CPU, GPU, memory, storage, VMs,
 * connections) is an asset of some kind, provided by an adapter bundle.
 *
 * <p>An adapter registers an {@link network.internet2.hypermesh.asset.AssetAdapter}
 * with the {@value network.internet2.hypermesh.asset.AssetAdapter#KIND_PROPERTY}
 * property. The {@link network.internet2.hypermesh.asset.AssetRegistry} tracks the
 * adapters, grants leased {@link network.internet2.hypermesh.asset.Allocation}s
 * without overcommitting and gives each one an IPv6 proxy address.
 */
@Export
@Version("1.3.0")
package network.internet2.hypermesh.asset;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
