package network.internet2.hypermesh.assets.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;

/**
 * The node's {@link AssetRegistry}: tracks every {@link AssetAdapter} service
 * by its {@value AssetAdapter#KIND_PROPERTY} property, keeps allocations in an
 * {@link AllocationBook} journaled to {@code allocations.journal} in the
 * storage directory, gives each a proxy address in the node's
 * {@link UlaPrefix} (kept in {@code ula-prefix}) and sweeps expired leases.
 */
@Component(service = AssetRegistry.class, configurationPid = AssetRegistryComponent.PID, immediate = true)
@Designate(ocd = AssetRegistryComponent.Config.class)
public class AssetRegistryComponent implements AssetRegistry {

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

        @AttributeDefinition(description = "This node's name, recorded with every proxy address")
        String node_name() default "node1";
    }

    static final String JOURNAL_FILE = "allocations.journal";
    static final String PREFIX_FILE = "ula-prefix";

    private static final Logger LOG = LoggerFactory.getLogger(AssetRegistryComponent.class);

    private final AllocationJournal journal;
    private final AllocationBook book;
    private final ProxyTable proxies = new ProxyTable();
    private final UlaPrefix prefix;
    private final ScheduledExecutorService sweeper;

    @Activate
    public AssetRegistryComponent(BundleContext context, Config config) throws IOException {
        this(storageDirectory(config.storage_directory(), context.getProperty("karaf.data")),
                Duration.ofSeconds(config.max_lease_seconds()), Duration.ofSeconds(config.expiry_sweep_seconds()),
                config.node_name(), Clock.systemUTC());
    }

    /** Opens the registry's files in {@code directory}; also the entry point of unit tests. */
    AssetRegistryComponent(Path directory, Duration maxLease, Duration sweepInterval, String node, Clock clock)
            throws IOException {
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
        this.book = new AllocationBook(maxLease, clock, AllocationGate.ADMIT_ALL, journal, prefix, proxies, node);
        book.restore(journal.replayed().values());
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
        }
    }

    void removeAdapter(AssetAdapter adapter, Map<String, Object> properties) {
        book.adapterRemoved(kindOf(adapter, properties), adapter);
    }

    private static String kindOf(AssetAdapter adapter, Map<String, Object> properties) {
        Object kind = properties.get(AssetAdapter.KIND_PROPERTY);
        return kind instanceof String named && !named.isBlank() ? named : adapter.kind();
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("Closing the asset journal failed ({}); every event was synced before, nothing is lost",
                    e.getMessage());
        }
    }

    /** @return the node's proxy-address table, for remote access */
    ProxyTable proxies() {
        return proxies;
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
        return book.allocate(kind, amount, lease, owner);
    }

    @Override
    public Allocation renew(String allocationId, Duration lease, String caller) throws AssetException {
        return book.renew(allocationId, lease, caller);
    }

    @Override
    public void release(String allocationId, String caller) throws AssetException {
        book.release(allocationId, caller);
    }

    @Override
    public Optional<Allocation> find(String allocationId) {
        return book.find(allocationId);
    }

    @Override
    public List<Allocation> allocations() {
        return book.allocations();
    }
}
