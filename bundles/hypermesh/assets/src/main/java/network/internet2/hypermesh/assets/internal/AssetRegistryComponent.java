package network.internet2.hypermesh.assets.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AllocationDirectory;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.ConsensusReceipt;
import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.trustchain.dns.ZoneRegistry;

/**
 * The node's {@link AssetRegistry}: tracks every {@link AssetAdapter} service
 * by its {@value AssetAdapter#KIND_PROPERTY} property, keeps allocations in an
 * {@link AllocationBook} journaled to {@code allocations.journal} in the
 * storage directory, gives each a proxy address in the node's
 * {@link UlaPrefix} (kept in {@code ula-prefix}) and sweeps expired leases.
 */
@Component(service = {AssetRegistry.class, AllocationDirectory.class}, configurationPid = AssetRegistryComponent.PID,
        immediate = true)
@Designate(ocd = AssetRegistryComponent.Config.class)
public class AssetRegistryComponent implements AssetRegistry, AllocationDirectory {

    static final String PID = "network.internet2.hypermesh.assets";
    static final String KARAF_DATA = "${karaf.data}";

    @ObjectClassDefinition(name = "Internet 2.0 HyperMesh asset registry",
            description = "Grants leased allocations of the node's assets without overcommitting them.")
    @interface Config {
        @AttributeDefinition(description = "Where the allocation journal and the node's ULA prefix live; "
                + KARAF_DATA + " is replaced by the Karaf data directory")
        String storage_directory() default KARAF_DATA + "/internet2/assets";

        @AttributeDefinition(description = "Longest lease granted or renewed at once, in seconds")
        long max_lease_seconds() default 86400;

        @AttributeDefinition(description = "How often expired leases are looked for, in seconds")
        long expiry_sweep_seconds() default 1;

        @AttributeDefinition(description = "This node's name, recorded with every proxy address and used in the "
                + "DNS names of allocations (<allocation>.<node>.<zone>)")
        String node_name() default "node1";

        @AttributeDefinition(description = "Refuse every allocate and release while no consensus service is "
                + "installed (when one is installed, it validates them either way)")
        boolean require_consensus() default false;

        @AttributeDefinition(description = "Owners whose allocations and releases need no consensus proof: the "
                + "proof-of-space engine's plot lives in a storage allocation it needs before it can prove")
        String[] consensus_exempt_owners() default {"proof-space"};
    }

    static final String JOURNAL_FILE = "allocations.journal";
    static final String PREFIX_FILE = "ula-prefix";

    private static final Logger LOG = LoggerFactory.getLogger(AssetRegistryComponent.class);

    private final AllocationJournal journal;
    private final AllocationBook book;
    private final ProxyTable proxies = new ProxyTable();
    private final UlaPrefix prefix;
    private final ScheduledExecutorService sweeper;
    private final String node;
    /** The system bundle, to tell a shutdown from an adapter's uninstall; {@code null} in unit tests. */
    private Bundle framework;
    /** Set by {@link #deactivate()}: adapters unbound after it are not going away, the registry is. */
    private volatile boolean closing;
    private volatile ConsensusService consensus;
    private volatile AssetObserver observer = AssetObserver.NONE;
    private DnsPublisher dnsPublisher;

    @Activate
    public AssetRegistryComponent(BundleContext context, Config config) throws IOException {
        this(storageDirectory(config.storage_directory(), context.getProperty("karaf.data")),
                Duration.ofSeconds(config.max_lease_seconds()), Duration.ofSeconds(config.expiry_sweep_seconds()),
                config.node_name(), Clock.systemUTC(), config.require_consensus(),
                Set.of(config.consensus_exempt_owners()));
        this.framework = context.getBundle(0);
    }

    /** Opens the registry's files in {@code directory}; also the entry point of unit tests. */
    AssetRegistryComponent(Path directory, Duration maxLease, Duration sweepInterval, String node, Clock clock,
            boolean requireConsensus) throws IOException {
        this(directory, maxLease, sweepInterval, node, clock, requireConsensus, Set.of());
    }

    AssetRegistryComponent(Path directory, Duration maxLease, Duration sweepInterval, String node, Clock clock,
            boolean requireConsensus, Set<String> exemptOwners) throws IOException {
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("expiry.sweep.seconds must be positive, not "
                    + sweepInterval.toSeconds());
        }
        if (maxLease.isNegative() || maxLease.isZero()) {
            throw new IllegalArgumentException("max.lease.seconds must be positive, not " + maxLease.toSeconds());
        }
        if (node == null || node.isBlank()) {
            throw new IllegalArgumentException("node.name must not be empty");
        }
        DurableFiles.ensureDirectory(directory);
        this.prefix = UlaPrefix.loadOrCreate(directory.resolve(PREFIX_FILE), new SecureRandom());
        this.journal = AllocationJournal.open(directory.resolve(JOURNAL_FILE));
        this.node = node;
        this.book = new AllocationBook(maxLease, clock, new ConsensusGate(() -> consensus, requireConsensus, exemptOwners),
                journal, prefix, proxies, node);
        book.restore(journal.replayed().values(), journal.replayedGrants());
        LOG.info("Asset registry open in {}: prefix {}, {} active allocations", directory, prefix,
                book.allocations().size());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "internet2-asset-expiry");
            thread.setDaemon(true);
            return thread;
        });
        long millis = sweepInterval.toMillis();
        sweeper.scheduleWithFixedDelay(() -> sweep(clock), millis, millis, TimeUnit.MILLISECONDS);
    }

    static Path storageDirectory(String configured, String karafData) {
        return Path.of(configured.replace(KARAF_DATA, karafData != null ? karafData : "data"));
    }

    private void sweep(Clock clock) {
        try {
            for (Allocation expired : book.expire(clock.instant())) {
                LOG.info("Allocation {} of {} {} for {} ended: {}", expired.id(), expired.amount(), expired.kind(),
                        expired.owner(), expired.endReason());
            }
        } catch (RuntimeException e) {
            LOG.warn("The lease expiry sweep failed ({}); it is retried at the next sweep", e.toString());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addAdapter(AssetAdapter adapter, Map<String, Object> properties) {
        String kind = kindOf(adapter, properties);
        if (!kind.equals(adapter.kind())) {
            LOG.warn("Asset adapter {} registers {}={} but reports kind {}; fix the adapter's service property. "
                    + "It is ignored.", adapter, AssetAdapter.KIND_PROPERTY, kind, adapter.kind());
            return;
        }
        if (!book.adapterAdded(adapter)) {
            LOG.warn("A second {} adapter ({}) is ignored; uninstall one of the two {} adapters", kind, adapter,
                    kind);
            return;
        }
        observer.kindsChanged();
    }

    void removeAdapter(AssetAdapter adapter, Map<String, Object> properties) {
        if (closing || frameworkStopping()) {
            // the registry or the node stops, no adapter is uninstalled: the allocations outlive it, their adapter
            // takes them back when the registry starts again (DS unbinds the adapters after deactivate)
            book.adapterSuspended(kindOf(adapter, properties), adapter);
        } else {
            book.adapterRemoved(kindOf(adapter, properties), adapter);
        }
        observer.kindsChanged();
    }

    private boolean frameworkStopping() {
        return framework != null && (framework.getState() & (Bundle.STOPPING | Bundle.RESOLVED)) != 0;
    }

    private static String kindOf(AssetAdapter adapter, Map<String, Object> properties) {
        Object kind = properties.get(AssetAdapter.KIND_PROPERTY);
        return kind instanceof String named && !named.isBlank() ? named : adapter.kind();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setConsensus(ConsensusService service) {
        consensus = service;
    }

    void unsetConsensus(ConsensusService service) {
        if (consensus == service) {
            consensus = null;
        }
    }

    /** Publishes allocations in the node's zone while the DNS feature is present. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void setZone(ZoneRegistry zone) {
        closeDnsPublisher();
        dnsPublisher = new DnsPublisher(zone, node);
        book.listen(dnsPublisher);
    }

    synchronized void unsetZone(ZoneRegistry zone) {
        closeDnsPublisher();
    }

    private void closeDnsPublisher() {
        if (dnsPublisher != null) {
            book.listen(AllocationEvents.NONE);
            dnsPublisher.close();
            dnsPublisher = null;
        }
    }

    @Deactivate
    synchronized void deactivate() {
        closing = true;
        closeDnsPublisher();
        sweeper.shutdownNow();
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("Closing the asset journal failed ({}); every event was synced before, nothing is lost",
                    e.getMessage());
        }
    }

    /** Tells {@code observer} of kinds and operations from now on, starting with the kinds served now. */
    void observe(AssetObserver observer) {
        this.observer = observer;
        observer.kindsChanged();
    }

    /** Stops telling {@code observer}, if it is the one told. */
    void stopObserving(AssetObserver observer) {
        if (this.observer == observer) {
            this.observer = AssetObserver.NONE;
        }
    }

    /** @return what {@code kind} has and lends out now, or empty while no adapter serves it */
    Optional<AllocationBook.KindUsage> usage(String kind) {
        return book.usage(kind);
    }

    /** @return the node's proxy-address table, for remote access */
    ProxyTable proxies() {
        return proxies;
    }

    /** @return the publisher of allocations in DNS, while a zone is present; for tests */
    synchronized DnsPublisher dnsPublisher() {
        return dnsPublisher;
    }

    /** @return the node's unique local prefix */
    UlaPrefix prefix() {
        return prefix;
    }

    @Override
    public List<AssetKind> kinds() {
        return book.kinds();
    }

    @Override
    public Allocation allocate(String kind, long amount, Duration lease, String owner) throws AssetException {
        boolean succeeded = false;
        try {
            Allocation granted = book.allocate(kind, amount, lease, owner);
            succeeded = true;
            return granted;
        } finally {
            observer.operationFinished(AssetOperation.ALLOCATE, succeeded);
        }
    }

    @Override
    public Allocation renew(String allocationId, Duration lease, String caller) throws AssetException {
        boolean succeeded = false;
        try {
            Allocation renewed = book.renew(allocationId, lease, caller);
            succeeded = true;
            return renewed;
        } finally {
            observer.operationFinished(AssetOperation.RENEW, succeeded);
        }
    }

    @Override
    public void release(String allocationId, String caller) throws AssetException {
        boolean succeeded = false;
        try {
            book.release(allocationId, caller);
            succeeded = true;
        } finally {
            observer.operationFinished(AssetOperation.RELEASE, succeeded);
        }
    }

    @Override
    public Optional<Allocation> find(String allocationId) {
        return book.find(allocationId);
    }

    @Override
    public List<Allocation> allocations() {
        return book.allocations();
    }

    @Override
    public Optional<Allocation> resolve(Inet6Address proxyAddress) {
        return book.resolve(proxyAddress);
    }

    @Override
    public Allocation authorize(Inet6Address proxyAddress, String kind, String identity) throws AssetException {
        return book.authorize(proxyAddress, kind, identity);
    }

    @Override
    public void grant(String allocationId, String identity, String caller) throws AssetException {
        book.grant(allocationId, identity, caller);
    }

    @Override
    public void revoke(String allocationId, String identity, String caller) throws AssetException {
        book.revoke(allocationId, identity, caller);
    }

    @Override
    public Set<String> grantees(String allocationId) {
        return book.grantees(allocationId);
    }

    @Override
    public Optional<ConsensusReceipt> consensusReceipt(String allocationId) {
        return book.receipt(allocationId);
    }
}
