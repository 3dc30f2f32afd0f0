/**
 * HyperMesh asset registry: the node's single authority over who holds which
 * share of its assets.
 *
 * <p>It tracks the {@code AssetAdapter} services by kind and grants leased
 * allocations without ever overcommitting a kind ({@link AllocationBook}).
 * Every grant, renewal and end is synced to an append-only journal before the
 * caller hears of it ({@link AllocationJournal}), so after a restart the node
 * neither forgets an allocation nor grants the same capacity twice. Each
 * allocation gets an address inside the node's RFC 4193 prefix
 * ({@link UlaPrefix}), listed in a NAT-like table ({@link ProxyTable}) for remote
 * access. Leases are swept for expiry by the component
 * ({@link AssetRegistryComponent}); an {@link AllocationGate} lets the coming
 * consensus service approve or refuse every allocate and release.
 *
 * <p>Metrics ({@link AssetMetrics}, while the node's {@code MeterRegistry} is present): per served kind its
 * capacity, the amount allocated and the active allocations, registered as an adapter arrives and removed as it
 * leaves, and allocate / renew / release by outcome. The registry tells them through an {@link AssetObserver},
 * so only the metrics component knows Micrometer.
 */
package network.internet2.hypermesh.assets.internal;
