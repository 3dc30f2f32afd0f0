package network.internet2.hypermesh.proof.space.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

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
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.hypermesh.proof.space.PlotStatus;
import network.internet2.hypermesh.storage.StorageAccess;

/**
 * The proof-of-space engine ({@code proof.type=space}): keeps a plot of
 * pseudo-random blocks ({@link PlotFunction}) in a storage allocation leased
 * from the asset registry (owner {@value #OWNER}), registers its Merkle root
 * ({@link RootRegistry}), proves challenges from it ({@link Plot}) and
 * verifies proofs against registered roots ({@link SpaceVerifier}).
 *
 * <p>Plotting runs on the component's own thread, never in activation. The
 * storage asset and the registry are optional, dynamic references: while one
 * is missing the engine stays registered, proving fails naming the missing
 * feature, and verifying works from the registered roots. When both are
 * there, the engine reuses the allocation its state file names if the
 * registry still has it active (resuming an unfinished plot from its last
 * checkpoint), and otherwise allocates storage and plots anew. The lease is
 * renewed every third of its length.
 */
@Component(service = {ProofEngine.class, PlotStatus.class},
        property = ProofEngine.TYPE_PROPERTY + "=" + ProofEngine.SPACE, configurationPid = SpaceProofEngine.PID,
        immediate = true)
@Designate(ocd = SpaceProofEngine.Config.class)
public class SpaceProofEngine implements ProofEngine, PlotStatus {

    static final String PID = "network.internet2.hypermesh.proof.space";
    static final String KARAF_DATA = "${karaf.data}";
    /** The owner of the plot's storage allocation; the registry exempts it from consensus. */
    static final String OWNER = "proof-space";
    static final String STORAGE_KIND = "storage";
    static final String STORAGE_FEATURE = "asset-storage";
    static final String REGISTRY_FEATURE = "hypermesh-assets";

    /** The engine's settings (PID {@value #PID}). */
    @ObjectClassDefinition(name = "Internet 2.0 HyperMesh proof of space",
            description = "A plot of pseudo-random blocks in the node's storage asset, committed by a Merkle root "
                    + "and challenged at positions derived from each operation. Any change re-creates the engine; "
                    + "changing plot.blocks, plot.work.factor or node.identity plots again.")
    @interface Config {
        @AttributeDefinition(description = "The identity this node proves as: its certificate identity, as the "
                + "consensus service puts it in challenges")
        String node_identity() default "node1.internet2.network";

        @AttributeDefinition(description = "Blocks of 4096 bytes in the plot (16384 = 64 MiB, plus 32 bytes of "
                + "leaf hash per block). Production: 262144 (1 GiB) or more", min = "1", max = "4294967296")
        long plot_blocks() default 16384;

        @AttributeDefinition(description = "Chained SHA-256 hashes per block: what a block costs to make again "
                + "(about 60 ns each here). Verifiers pay it for every challenged block", min = "1",
                max = "16777216")
        int plot_work_factor() default 2048;

        @AttributeDefinition(description = "Blocks each proof answers; verifiers require exactly this many",
                min = "1", max = "1024")
        int challenges() default 16;

        @AttributeDefinition(description = "Merkle levels from this height up are kept in memory "
                + "(2 x 32 x blocks / 2^n bytes); the levels below are rebuilt per challenge from 2^n leaf hashes "
                + "read from storage", min = "0", max = "16")
        int merkle_cache_from_level() default 4;

        @AttributeDefinition(description = "Threads generating blocks while plotting", min = "1", max = "64")
        int plot_threads() default 1;

        @AttributeDefinition(description = "Lease of the plot's storage allocation in seconds, renewed every "
                + "third; at most the registry's max.lease.seconds", min = "60")
        long storage_lease_seconds() default 3600;

        @AttributeDefinition(description = "The folder of the plot seed, plot state and registered roots; "
                + KARAF_DATA + " is replaced by the Karaf data folder")
        String storage_directory() default KARAF_DATA + "/internet2/proof/space";
    }

    private static final Logger LOG = LoggerFactory.getLogger(SpaceProofEngine.class);
    private static final Duration RETRY = Duration.ofMinutes(1);
    private static final Duration STORAGE_WAIT = Duration.ofSeconds(1);
    private static final int STORAGE_WAITS = 30;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final PlotParameters parameters;
    private final Path directory;
    private final byte[] plotKey;
    private final RootRegistry roots;
    private final SpaceVerifier verifier;
    private final int batchBlocks;
    private final long checkpointBlocks;

    private final AtomicReference<StorageAccess> storage = new AtomicReference<>();
    private final AtomicReference<AssetRegistry> registry = new AtomicReference<>();

    private final ExecutorService plotter;
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor timer;

    private volatile boolean closed;
    /** Whether a run of {@link #ensurePlot()} is queued and not started yet. */
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile Plot ready;
    private volatile String allocationId;
    /** Set when a proof found the plot damaged: plot again in the same allocation. */
    private volatile boolean damaged;
    /** Only the plotting thread touches it. */
    private int storageWaits;

    private final Object lock = new Object();
    private Phase phase = Phase.WAITING;
    private long built;
    private String detail = "starting";

    @Activate
    public SpaceProofEngine(BundleContext context, Config config) throws IOException {
        this(new PlotParameters(config.node_identity(), config.plot_blocks(), config.plot_work_factor(),
                config.challenges(), config.merkle_cache_from_level(), config.plot_threads(),
                Duration.ofSeconds(config.storage_lease_seconds()),
                PlotParameters.directory(config.storage_directory(), context.getProperty("karaf.data"))));
    }

    /** The engine over checked parameters; also the entry point of unit tests. */
    SpaceProofEngine(PlotParameters parameters) throws IOException {
        this(parameters, Plotter.BATCH_BLOCKS, Plotter.CHECKPOINT_BLOCKS);
    }

    /** With the plotter's batch and checkpoint sizes given, for tests. */
    SpaceProofEngine(PlotParameters parameters, int batchBlocks, long checkpointBlocks) throws IOException {
        this.parameters = parameters;
        this.directory = parameters.directory();
        this.batchBlocks = batchBlocks;
        this.checkpointBlocks = checkpointBlocks;
        try {
            OwnerOnlyFiles.ensureDirectory(directory);
            this.plotKey = PlotFunction.plotKey(PlotSeed.loadOrCreate(directory, new SecureRandom()),
                    parameters.identity());
            this.roots = RootRegistry.open(directory);
        } catch (IOException failed) {
            throw new IOException("cannot open the proof-of-space folder " + directory + " (storage.directory): "
                    + failed.getMessage(), failed);
        }
        this.verifier = new SpaceVerifier(roots, parameters.challenges());
        this.plotter = Executors.newSingleThreadExecutor(threads("internet2-proof-space-plotter"));
        this.workers = parameters.threads() > 1
                ? Executors.newFixedThreadPool(parameters.threads(), threads("internet2-proof-space-worker"))
                : null;
        this.timer = new ScheduledThreadPoolExecutor(1, threads("internet2-proof-space-lease"));
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        long renewEvery = Math.max(1, parameters.lease().toSeconds() / 3);
        timer.scheduleWithFixedDelay(this::renew, renewEvery, renewEvery, TimeUnit.SECONDS);
        LOG.info("Proof-of-space engine for {}: {} blocks ({} bytes of storage), work factor {}, {} challenges, "
                + "folder {}", parameters.identity(), parameters.blockCount(), parameters.allocationBytes(),
                parameters.workFactor(), parameters.challenges(), directory);
        request();
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Stops plotting at the next batch and lets running work end. Threads are
     * not interrupted: an interrupt during file I/O would close the storage
     * asset's file channel.
     */
    @Deactivate
    void deactivate() {
        stopPlotting();
        timer.shutdown();
        plotter.shutdown();
        if (workers != null) {
            workers.shutdown();
        }
        try {
            if (!plotter.awaitTermination(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Plotting did not stop within {} s; it stops after its current batch. If the bundle is "
                        + "being updated, wait for it before starting it again.", SHUTDOWN_WAIT.toSeconds());
            }
            timer.awaitTermination(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first step of {@link #deactivate()}: plotting stops after its current batch, proving stops now. */
    void stopPlotting() {
        closed = true;
        ready = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStorage(StorageAccess access) {
        StorageAccess before = storage.getAndSet(access);
        if (before != null && before != access) {
            ready = null;
            status(Phase.WAITING, built(), "the storage asset was replaced; checking the plot");
        }
        request();
    }

    void unbindStorage(StorageAccess access) {
        if (storage.compareAndSet(access, null)) {
            ready = null;
            status(Phase.WAITING, built(), missing(null, registry.get()));
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRegistry(AssetRegistry assets) {
        AssetRegistry before = registry.getAndSet(assets);
        if (before != null && before != assets) {
            ready = null;
            status(Phase.WAITING, built(), "the asset registry was replaced; checking the plot");
        }
        request();
    }

    void unbindRegistry(AssetRegistry assets) {
        if (registry.compareAndSet(assets, null)) {
            ready = null;
            status(Phase.WAITING, built(), missing(storage.get(), null));
        }
    }

    @Override
    public String type() {
        return SPACE;
    }

    @Override
    public Proof prove(Challenge challenge) throws ProofException {
        if (challenge == null || challenge.value() == null) {
            throw new ProofException("no challenge to prove");
        }
        if (!parameters.identity().equals(challenge.nodeIdentity())) {
            throw new ProofException("this node's plot is for " + parameters.identity() + ", not for "
                    + challenge.nodeIdentity() + " (set node.identity of " + PID + " to the node's identity)");
        }
        StorageAccess access = storage.get();
        AssetRegistry assets = registry.get();
        if (access == null || assets == null) {
            throw new ProofException("cannot prove space: " + missing(access, assets));
        }
        Plot plot = ready;
        if (plot == null) {
            Snapshot now = snapshot();
            throw new ProofException("the plot is not ready (" + now.blocksBuilt() + " of " + now.blockCount()
                    + " blocks): " + now.detail());
        }
        try {
            return new Proof(SPACE, plot.prove(access, challenge.value()).encode());
        } catch (AssetException unreadable) {
            request();
            throw new ProofException("cannot read the plot from storage allocation " + plot.allocationId() + ": "
                    + unreadable.getMessage(), unreadable);
        } catch (Plot.DamagedPlotException damage) {
            if (ready == plot) {
                ready = null;
                damaged = true;
                LOG.warn("{}; plotting again into the same allocation. Check the disk of the storage asset.",
                        damage.getMessage());
                status(Phase.PLOTTING, 0, "the plot in storage was damaged; plotting again");
                request();
            }
            throw new ProofException(damage.getMessage() + "; the plot is being made again", damage);
        }
    }

    @Override
    public Verdict verify(Challenge challenge, Proof proof) {
        return verifier.verify(challenge, proof);
    }

    @Override
    public Snapshot snapshot() {
        synchronized (lock) {
            Plot plot = ready;
            boolean complete = phase == Phase.READY && plot != null;
            return new Snapshot(parameters.identity(), phase, built, parameters.blockCount(),
                    parameters.allocationBytes(), complete ? plot.rootHex() : null, allocationId, detail);
        }
    }

    /**
     * Waits until the plot is in {@code wanted}, at most {@code timeout}.
     *
     * @return the snapshot then, whatever its phase
     */
    Snapshot await(Phase wanted, Duration timeout) throws InterruptedException {
        return await(snapshot -> snapshot.phase() == wanted, timeout);
    }

    /**
     * Waits until the plot's snapshot meets {@code condition}, at most {@code timeout}.
     *
     * @return the snapshot then, whether it meets the condition or not
     */
    Snapshot await(Predicate<Snapshot> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            Snapshot now = snapshot();
            while (!condition.test(now)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
                now = snapshot();
            }
            return now;
        }
    }

    /** @return the commitment registered for {@code identity}, if any */
    Optional<Commitment> registered(String identity) {
        return roots.find(identity);
    }

    private long built() {
        synchronized (lock) {
            return built;
        }
    }

    private void status(Phase next, long blocks, String why) {
        synchronized (lock) {
            phase = next;
            built = blocks;
            detail = why;
            lock.notifyAll();
        }
    }

    private static String missing(StorageAccess access, AssetRegistry assets) {
        if (access == null && assets == null) {
            return "the storage asset and the asset registry are not installed (install the " + STORAGE_FEATURE
                    + " and " + REGISTRY_FEATURE + " features); the plot lives in a storage allocation";
        }
        if (access == null) {
            return "the storage asset is not installed (install the " + STORAGE_FEATURE
                    + " feature); the plot lives in a storage allocation";
        }
        return "the asset registry is not installed (install the " + REGISTRY_FEATURE
                + " feature); the plot's storage allocation is leased from it";
    }

    /** Asks the plotting thread to bring the plot about; requests made before it gets to it count once. */
    private void request() {
        if (closed || !requested.compareAndSet(false, true)) {
            return;
        }
        try {
            plotter.execute(() -> {
                requested.set(false);
                ensurePlot();
            });
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("Not plotting: the engine is stopping");
        }
    }

    private void retryLater(Duration delay) {
        if (closed) {
            return;
        }
        try {
            timer.schedule(this::request, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("Not retrying: the engine is stopping");
        }
    }

    /** Runs on the plotting thread only. */
    private void ensurePlot() {
        if (closed) {
            return;
        }
        AssetRegistry assets = registry.get();
        StorageAccess access = storage.get();
        if (assets == null || access == null) {
            ready = null;
            status(Phase.WAITING, built(), missing(access, assets));
            return;
        }
        Plot current = ready;
        if (current != null && active(assets, current.allocationId())) {
            return;
        }
        ready = null;
        try {
            PlotState state = PlotState.load(directory);
            long from = 0;
            String id = null;
            if (state != null) {
                boolean usable = active(assets, state.allocationId());
                if (usable && state.isOf(parameters)) {
                    Holding holding = holds(access, state.allocationId());
                    if (holding == Holding.NOT_YET) {
                        return;
                    }
                    if (holding == Holding.LOST) {
                        releaseQuietly(assets, state.allocationId());
                        usable = false;
                    }
                }
                if (usable && state.isOf(parameters)) {
                    id = state.allocationId();
                    allocationId = id;
                    renew();
                    if (damaged) {
                        damaged = false;
                        state = state.progressed(0, null);
                        state.save(directory);
                    } else if (state.complete()) {
                        if (reuse(access, state)) {
                            return;
                        }
                        state = state.progressed(0, null);
                        state.save(directory);
                    } else {
                        from = state.blocksBuilt();
                    }
                } else if (usable) {
                    LOG.info("Releasing storage allocation {}: it holds a plot of other parameters ({} blocks, work "
                            + "factor {}, identity {})", state.allocationId(), state.blockCount(),
                            state.workFactor(), state.identity());
                    releaseQuietly(assets, state.allocationId());
                }
            }
            if (id == null) {
                status(Phase.PLOTTING, 0, "allocating " + parameters.allocationBytes() + " bytes of storage");
                Allocation allocation;
                try {
                    allocation = assets.allocate(STORAGE_KIND, parameters.allocationBytes(), parameters.lease(),
                            OWNER);
                } catch (AssetException refused) {
                    fail("the storage for the plot is not available: " + refused.getMessage() + ". Give the "
                            + "storage asset more room, or lower plot.blocks of " + PID, refused);
                    return;
                }
                id = allocation.id();
                allocationId = id;
                state = new PlotState(parameters.identity(), parameters.blockCount(), parameters.workFactor(), id,
                        0, null);
                state.save(directory);
            }
            build(access, assets, state, from);
        } catch (CancellationException stopped) {
            LOG.debug("Plotting stopped: {}", stopped.getMessage());
            // the storage asset or the registry changed: see where that leaves the plot
            request();
        } catch (AssetException unusable) {
            fail("cannot use storage allocation " + allocationId + " for the plot: " + unusable.getMessage()
                    + ". Check the storage asset (its health and its disk)", unusable);
        } catch (IOException failed) {
            fail("cannot keep the plot's state in " + directory + ": " + failed.getMessage()
                    + ". Check that folder (storage.directory of " + PID + ")", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            fail("plotting failed: " + failed, failed);
        }
    }

    private void fail(String why, Exception cause) {
        ready = null;
        status(Phase.FAILED, built(), why + "; retrying in " + RETRY.toSeconds() + " s");
        LOG.warn("Proof of space cannot plot: {}; retrying in {} s", why, RETRY.toSeconds(), cause);
        retryLater(RETRY);
    }

    /** @return whether the registry has this allocation active, of storage, for {@value #OWNER} */
    private boolean active(AssetRegistry assets, String id) {
        Optional<Allocation> found = assets.find(id);
        return found.isPresent() && found.get().state() == Allocation.State.ACTIVE
                && OWNER.equals(found.get().owner()) && STORAGE_KIND.equals(found.get().kind());
    }

    /** Whether the storage asset holds an allocation the registry has active. */
    private enum Holding {
        YES, NOT_YET, LOST
    }

    /**
     * Whether the storage asset holds the allocation. After a restart the
     * registry re-reserves it when it sees the adapter, so while it does not,
     * this asks again a second later, up to {@value #STORAGE_WAITS} times;
     * then the allocation counts as lost.
     */
    private Holding holds(StorageAccess access, String id) {
        String trouble;
        try {
            long size = access.size(id);
            if (size >= parameters.allocationBytes()) {
                storageWaits = 0;
                return Holding.YES;
            }
            trouble = "it has " + size + " bytes, the plot needs " + parameters.allocationBytes();
        } catch (AssetException notYet) {
            trouble = notYet.getMessage();
        }
        if (++storageWaits <= STORAGE_WAITS) {
            status(Phase.WAITING, built(), "waiting for the storage asset to hold allocation " + id + " (" + trouble
                    + ")");
            retryLater(STORAGE_WAIT);
            return Holding.NOT_YET;
        }
        storageWaits = 0;
        LOG.warn("The registry has storage allocation {} of the plot active, but the storage asset does not hold it "
                + "({}); releasing it and plotting into a new one", id, trouble);
        return Holding.LOST;
    }

    /** Takes a complete plot back after a restart: reads its leaf hashes, checks the root and a random proof. */
    private boolean reuse(StorageAccess access, PlotState state) throws AssetException, IOException {
        status(Phase.PLOTTING, state.blocksBuilt(), "reading the plot back from storage allocation "
                + state.allocationId());
        long started = System.nanoTime();
        Plot plot = Plot.load(access, parameters, state.allocationId(), plotKey);
        if (!Arrays.equals(plot.commitment().root(), state.root())) {
            LOG.warn("The plot in storage allocation {} does not match its recorded root; plotting it again",
                    state.allocationId());
            return false;
        }
        String trouble = selfCheck(access, plot);
        if (trouble != null) {
            LOG.warn("The plot in storage allocation {} fails its own check ({}); plotting it again",
                    state.allocationId(), trouble);
            return false;
        }
        LOG.info("Reusing the plot in storage allocation {} (root {}), read back in {} ms", state.allocationId(),
                plot.rootHex(), (System.nanoTime() - started) / 1_000_000);
        publish(plot);
        return true;
    }

    /** @return why a proof of a random challenge from {@code plot} fails, or {@code null} if it holds */
    private String selfCheck(StorageAccess access, Plot plot) throws AssetException {
        byte[] value = new byte[32];
        new SecureRandom().nextBytes(value);
        Challenge challenge = new Challenge(new byte[32], parameters.identity(), new byte[16], value);
        try {
            Proof proof = new Proof(SPACE, plot.prove(access, value).encode());
            Verdict verdict = verifier.verify(plot.commitment(), challenge, proof);
            return verdict.valid() ? null : verdict.reason();
        } catch (Plot.DamagedPlotException damage) {
            return damage.getMessage();
        }
    }

    private void build(StorageAccess access, AssetRegistry assets, PlotState base, long from)
            throws AssetException, IOException, InterruptedException {
        String id = base.allocationId();
        long n = parameters.blockCount();
        LOG.info("Plotting {} blocks from block {} into storage allocation {}", n, from, id);
        long started = System.nanoTime();
        Plotter plotting = new Plotter(parameters, plotKey, access, id, workers, () -> closed
                || storage.get() != access || registry.get() != assets, batchBlocks, checkpointBlocks);
        Plot plot = plotting.build(from, new Plotter.Progress() {
            @Override
            public void written(long blocks) {
                status(Phase.PLOTTING, blocks, "plotting into storage allocation " + id);
            }

            @Override
            public void checkpoint(long blocks) throws IOException {
                base.progressed(blocks, null).save(directory);
            }
        });
        base.progressed(n, plot.commitment().root()).save(directory);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Plotted {} blocks ({} bytes with leaf hashes) in {} ms; root {}", n - from,
                parameters.allocationBytes(), millis, plot.rootHex());
        publish(plot);
    }

    private void publish(Plot plot) throws IOException {
        if (roots.register(plot.commitment())) {
            LOG.info("Registered the plot root {} of {}", plot.rootHex(), parameters.identity());
        }
        ready = plot;
        status(Phase.READY, parameters.blockCount(), "ready: " + parameters.blockCount() + " blocks in storage "
                + "allocation " + plot.allocationId());
    }

    /** Renews the lease of the plot's allocation; runs on the lease thread and once when a plot is reused. */
    private void renew() {
        String id = allocationId;
        AssetRegistry assets = registry.get();
        if (id == null || assets == null || closed) {
            return;
        }
        try {
            assets.renew(id, parameters.lease(), OWNER);
        } catch (AssetException | RuntimeException refused) {
            if (!active(assets, id)) {
                LOG.warn("The storage allocation {} of the plot has ended ({}); plotting again into a new one",
                        id, refused.getMessage());
                Plot plot = ready;
                if (plot != null && plot.allocationId().equals(id)) {
                    ready = null;
                }
                request();
            } else {
                LOG.warn("Cannot renew the lease of storage allocation {} holding the plot ({}); trying again in "
                        + "{} s. If the lease runs out, the node plots again.", id, refused.getMessage(),
                        Math.max(1, parameters.lease().toSeconds() / 3));
            }
        }
    }

    private static void releaseQuietly(AssetRegistry assets, String id) {
        try {
            assets.release(id, OWNER);
        } catch (AssetException | RuntimeException refused) {
            LOG.warn("Cannot release storage allocation {} of an earlier plot ({}); it ends when its lease runs out",
                    id, refused.getMessage());
        }
    }
}
