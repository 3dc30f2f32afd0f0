package network.internet2.hypermesh.assets.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.Allocation.State;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.Capacity;
import network.internet2.hypermesh.asset.ConsensusReceipt;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.asset.UnknownAssetKindException;

/**
 * The registry's rules, without OSGi: which adapters serve which kind, which
 * allocations are active, and who may do what with them.
 *
 * <p>The sum of the active amounts of a kind never exceeds its adapter's
 * capacity. Every change is handed to the {@link AllocationRecorder} before it
 * takes effect, and a change the recorder cannot keep is refused (grants,
 * renewals, releases) or, where the allocation must end anyway (expiry, adapter
 * removal), logged. All state sits behind one lock; the {@link AllocationGate}
 * is asked outside it.
 *
 * <p>Allocations restored from the journal whose adapter is not present stay
 * granted and are re-reserved from the adapter when it arrives: the real
 * resources (memory contents, processes…) do not survive a restart, only the
 * grant does.
 */
final class AllocationBook {

    private static final Logger LOG = LoggerFactory.getLogger(AllocationBook.class);
    private static final HexFormat HEX = HexFormat.of();

    private final Object lock = new Object();
    private final Map<String, AssetAdapter> adapters = new TreeMap<>();
    private final Map<String, Allocation> allocations = new LinkedHashMap<>();
    /** The active ones of {@link #allocations}: what capacity checks and sweeps look at, never the history. */
    private final Map<String, Allocation> active = new LinkedHashMap<>();
    /** Active allocations whose adapter has not reserved their resources since the restart. */
    private final Set<String> awaitingAdapter = new LinkedHashSet<>();
    private final Duration maxLease;
    private final Clock clock;
    private final AllocationGate gate;
    private final AllocationRecorder recorder;
    private final UlaPrefix prefix;
    private final ProxyTable proxies;
    private final String node;
    private final SecureRandom random = new SecureRandom();
    /** Identities granted remote access, by active allocation id. */
    private final Map<String, Set<String>> grants = new HashMap<>();
    /** The consensus proofs active allocations were granted with, since this start. */
    private final Map<String, ConsensusReceipt> receipts = new HashMap<>();
    private volatile AllocationEvents events = AllocationEvents.NONE;

    /**
     * @param maxLease the longest lease granted or renewed at once
     * @param prefix   where proxy addresses come from
     * @param proxies  the table of proxy addresses, kept up to date
     * @param node     this node's name, recorded in the proxy table
     */
    AllocationBook(Duration maxLease, Clock clock, AllocationGate gate, AllocationRecorder recorder,
            UlaPrefix prefix, ProxyTable proxies, String node) {
        if (maxLease.isNegative() || maxLease.isZero()) {
            throw new IllegalArgumentException("the maximum lease must be positive, not " + maxLease);
        }
        this.maxLease = maxLease;
        this.clock = clock;
        this.gate = gate;
        this.recorder = recorder;
        this.prefix = prefix;
        this.proxies = proxies;
        this.node = node;
    }

    /**
     * Takes back the allocations of a journal replay. Active ones whose lease
     * passed meanwhile end as expired; the others are re-reserved from their
     * adapter now if it is present, or when it arrives.
     */
    void restore(Collection<Allocation> replayed, Map<String, Set<String>> replayedGrants) {
        synchronized (lock) {
            for (Allocation allocation : replayed) {
                allocations.put(allocation.id(), allocation);
                if (allocation.state() == State.ACTIVE) {
                    active.put(allocation.id(), allocation);
                    Set<String> granted = replayedGrants.get(allocation.id());
                    if (granted != null && !granted.isEmpty()) {
                        grants.put(allocation.id(), new LinkedHashSet<>(granted));
                    }
                    events.started(allocation);
                    awaitingAdapter.add(allocation.id());
                    if (allocation.proxyAddress() != null) {
                        proxies.add(allocation.proxyAddress(), node, allocation.id());
                    }
                }
            }
            expire(clock.instant());
            List.copyOf(adapters.keySet()).forEach(this::reserveAwaiting);
        }
    }

    /**
     * Starts serving a kind.
     *
     * @return false if another adapter already serves that kind (this one is ignored)
     */
    boolean adapterAdded(AssetAdapter adapter) {
        synchronized (lock) {
            String kind = adapter.kind();
            if (adapters.containsKey(kind)) {
                return false;
            }
            adapters.put(kind, adapter);
            reserveAwaiting(kind);
            return true;
        }
    }

    /** Stops serving a kind; its active allocations end as revoked. */
    void adapterRemoved(String kind) {
        synchronized (lock) {
            AssetAdapter adapter = adapters.get(kind);
            if (adapter != null) {
                adapterRemoved(kind, adapter);
            }
        }
    }

    /**
     * Stops serving a kind if {@code adapter} is the one serving it (a second,
     * ignored adapter of the kind going away changes nothing).
     */
    void adapterRemoved(String kind, AssetAdapter adapter) {
        synchronized (lock) {
            if (!adapters.remove(kind, adapter)) {
                return;
            }
            for (Allocation allocation : active(kind)) {
                boolean reserved = !awaitingAdapter.contains(allocation.id());
                end(allocation, State.REVOKED, "the " + kind + " adapter was removed");
                if (reserved) {
                    releaseQuietly(adapter, allocation.id());
                }
            }
        }
    }

    /**
     * Stops serving a kind while the node shuts down: its allocations stay
     * granted and keep their resources (nothing is released), and are taken
     * back by the adapter when it returns, as after any restart.
     */
    void adapterSuspended(String kind, AssetAdapter adapter) {
        synchronized (lock) {
            if (adapters.remove(kind, adapter)) {
                active(kind).forEach(allocation -> awaitingAdapter.add(allocation.id()));
            }
        }
    }

    Allocation allocate(String kind, long amount, Duration lease, String owner) throws AssetException {
        requireOwner(owner, "owner");
        if (amount <= 0) {
            throw new AssetException("cannot allocate " + amount + " of " + kind + ": the amount must be positive");
        }
        checkLease(lease);
        AllocationGate.Admission admission = gate.admitAllocation(kind, amount, lease, owner);
        if (admission.refusal().isPresent()) {
            throw new AssetException("allocation of " + amount + " " + kind + " refused: "
                    + admission.refusal().get());
        }
        synchronized (lock) {
            AssetAdapter adapter = adapters.get(kind);
            if (adapter == null) {
                throw new UnknownKind(kind, adapters.keySet());
            }
            long free = adapter.capacity().total() - allocated(kind);
            if (amount > free) {
                throw new InsufficientCapacityException(kind, amount, Math.max(0, free));
            }
            String id = newId();
            Inet6Address address = prefix.proxyAddress(id, proxies::contains);
            Allocation granted = new Allocation(id, kind, amount, owner, clock.instant().plus(lease), address,
                    State.ACTIVE, null);
            try {
                adapter.allocate(id, amount);
            } catch (RuntimeException e) {
                throw new AssetException("the " + kind + " adapter failed to allocate " + amount + ": " + e, e);
            }
            try {
                recorder.granted(granted);
            } catch (IOException e) {
                releaseQuietly(adapter, id);
                throw new AssetException("cannot record the allocation in the journal, nothing was granted: "
                    + e.getMessage(), e);
            }
            allocations.put(id, granted);
            active.put(id, granted);
            admission.receipt().ifPresent(receipt -> receipts.put(id, receipt));
            proxies.add(address, node, id);
            events.started(granted);
            return granted;
        }
    }

    Allocation renew(String allocationId, Duration lease, String caller) throws AssetException {
        requireOwner(caller, "caller");
        checkLease(lease);
        synchronized (lock) {
            Allocation current = activeOwnedBy(allocationId, caller, "renew");
            Allocation renewed = new Allocation(current.id(), current.kind(), current.amount(), current.owner(),
                    clock.instant().plus(lease), current.proxyAddress(), State.ACTIVE, null);
            try {
                recorder.renewed(renewed);
            } catch (IOException e) {
                throw new AssetException("cannot record the renewal of " + allocationId
                        + ", the lease is unchanged: " + e.getMessage(), e);
            }
            allocations.put(allocationId, renewed);
            active.put(allocationId, renewed);
            return renewed;
        }
    }

    void release(String allocationId, String caller) throws AssetException {
        requireOwner(caller, "caller");
        Allocation seen;
        synchronized (lock) {
            seen = activeOwnedBy(allocationId, caller, "release");
        }
        Optional<String> refusal = gate.refuseRelease(seen, caller);
        if (refusal.isPresent()) {
            throw new AssetException("release of allocation " + allocationId + " refused: " + refusal.get());
        }
        synchronized (lock) {
            Allocation current = activeOwnedBy(allocationId, caller, "release");
            Allocation ended = ended(current, State.RELEASED, "released by " + caller);
            try {
                recorder.ended(ended);
            } catch (IOException e) {
                throw new AssetException("cannot record the release of " + allocationId
                        + ", it stays active: " + e.getMessage(), e);
            }
            apply(ended);
        }
    }

    /**
     * Ends every active allocation whose lease passed by {@code now}, releasing
     * its resources.
     *
     * @return the allocations that ended
     */
    List<Allocation> expire(Instant now) {
        synchronized (lock) {
            List<Allocation> expired = new ArrayList<>();
            for (Allocation allocation : List.copyOf(active.values())) {
                if (!allocation.leaseExpiry().isAfter(now)) {
                    expired.add(end(allocation, State.EXPIRED, "lease expired at " + allocation.leaseExpiry()));
                }
            }
            return expired;
        }
    }

    Optional<Allocation> find(String allocationId) {
        synchronized (lock) {
            return Optional.ofNullable(allocations.get(allocationId));
        }
    }

    /** @return the active allocations, oldest grant first */
    List<Allocation> allocations() {
        synchronized (lock) {
            return List.copyOf(active.values());
        }
    }

    /** @return the served kinds, with capacity and what is allocated of each */
    List<AssetKind> kinds() {
        synchronized (lock) {
            return adapters.values().stream()
                    .map(adapter -> new AssetKind(adapter.kind(), adapter.capacity(), allocated(adapter.kind())))
                    .toList();
        }
    }

    /**
     * What a served kind has and lends out now.
     *
     * @param capacity    what its adapter offers
     * @param allocated   the amount its active allocations hold
     * @param allocations how many allocations of it are active
     */
    record KindUsage(Capacity capacity, long allocated, int allocations) {
    }

    /** @return the usage of {@code kind}, or empty while no adapter serves it */
    Optional<KindUsage> usage(String kind) {
        synchronized (lock) {
            AssetAdapter adapter = adapters.get(kind);
            if (adapter == null) {
                return Optional.empty();
            }
            List<Allocation> held = active(kind);
            return Optional.of(new KindUsage(adapter.capacity(), held.stream().mapToLong(Allocation::amount).sum(),
                    held.size()));
        }
    }

    /** @return the kinds that have an adapter */
    Set<String> installedKinds() {
        synchronized (lock) {
            return Set.copyOf(adapters.keySet());
        }
    }

    /**
     * Sets who is told of allocations starting and ending, and tells it of
     * every active allocation now.
     */
    void listen(AllocationEvents listener) {
        synchronized (lock) {
            events = listener;
            active.values().forEach(listener::started);
        }
    }

    void grant(String allocationId, String identity, String caller) throws AssetException {
        requireOwner(caller, "caller");
        String grantee = checkIdentity(identity);
        synchronized (lock) {
            activeOwnedBy(allocationId, caller, "grant access to");
            Set<String> granted = grants.computeIfAbsent(allocationId, id -> new LinkedHashSet<>());
            if (granted.contains(grantee)) {
                return;
            }
            try {
                recorder.accessGranted(allocationId, grantee);
            } catch (IOException e) {
                throw new AssetException("cannot record the grant to " + grantee + ", nothing was granted: "
                        + e.getMessage(), e);
            }
            granted.add(grantee);
        }
    }

    void revoke(String allocationId, String identity, String caller) throws AssetException {
        requireOwner(caller, "caller");
        String grantee = checkIdentity(identity);
        synchronized (lock) {
            activeOwnedBy(allocationId, caller, "withdraw access to");
            Set<String> granted = grants.get(allocationId);
            if (granted == null || !granted.contains(grantee)) {
                return;
            }
            try {
                recorder.accessRevoked(allocationId, grantee);
            } catch (IOException e) {
                throw new AssetException("cannot record the withdrawal from " + grantee + ", the grant stays: "
                        + e.getMessage(), e);
            }
            granted.remove(grantee);
        }
    }

    Optional<ConsensusReceipt> receipt(String allocationId) {
        synchronized (lock) {
            return Optional.ofNullable(receipts.get(allocationId));
        }
    }

    Set<String> grantees(String allocationId) {
        synchronized (lock) {
            return Set.copyOf(grants.getOrDefault(allocationId, Set.of()));
        }
    }

    /** @return the active allocation behind a proxy address of this node */
    Optional<Allocation> resolve(Inet6Address proxyAddress) {
        Optional<ProxyTable.Target> target = proxies.lookup(proxyAddress);
        synchronized (lock) {
            return target.map(t -> allocations.get(t.allocationId())).filter(a -> a.state() == State.ACTIVE);
        }
    }

    Allocation authorize(Inet6Address proxyAddress, String kind, String identity) throws AssetException {
        String address = proxyAddress.getHostAddress();
        Allocation allocation = resolve(proxyAddress).orElseThrow(() -> new AssetException(
                "no active allocation has the proxy address " + address + " on this node"));
        if (!allocation.kind().equals(kind)) {
            throw new AssetException("the allocation at " + address + " is " + allocation.kind() + ", not " + kind);
        }
        if (identity == null || (!allocation.owner().equals(identity) && !grantees(allocation.id()).contains(identity))) {
            throw new AssetException(identity + " may not use the allocation at " + address
                    + ": it is neither its owner nor granted access");
        }
        return allocation;
    }

    // --- under the lock ---

    private void reserveAwaiting(String kind) {
        AssetAdapter adapter = adapters.get(kind);
        List<Allocation> waiting = awaitingAdapter.stream().map(allocations::get)
                .filter(a -> a.kind().equals(kind)).toList();
        long reserved = allocated(kind) - waiting.stream().mapToLong(Allocation::amount).sum();
        long total = adapter.capacity().total();
        for (Allocation allocation : waiting) {
            if (reserved + allocation.amount() > total) {
                end(allocation, State.REVOKED, "the " + kind + " adapter now offers only " + total + " "
                        + adapter.capacity().unit() + ", too little for this allocation after the restart");
                continue;
            }
            try {
                if (!adapter.holds(allocation.id())) {
                    adapter.allocate(allocation.id(), allocation.amount());
                }
                awaitingAdapter.remove(allocation.id());
                reserved += allocation.amount();
            } catch (AssetException | RuntimeException e) {
                end(allocation, State.REVOKED, "the " + kind + " adapter could not reserve it again after the "
                        + "restart: " + e.getMessage());
            }
        }
    }

    /** Ends an allocation that must end whatever the recorder says. */
    private Allocation end(Allocation allocation, State state, String reason) {
        Allocation ended = ended(allocation, state, reason);
        try {
            recorder.ended(ended);
        } catch (IOException e) {
            LOG.warn("Allocation {} ended ({}) but the journal could not record it ({}); after a restart it is "
                    + "ended again when its lease is found expired. Check the disk holding the asset journal.",
                    allocation.id(), reason, e.getMessage());
        }
        apply(ended);
        return ended;
    }

    /**
     * Puts an ended allocation in place of the active one, frees its proxy
     * address and, if its adapter is present and holds its resources, releases them.
     */
    private void apply(Allocation ended) {
        allocations.put(ended.id(), ended);
        active.remove(ended.id());
        receipts.remove(ended.id());
        grants.remove(ended.id());
        events.ended(ended);
        if (ended.proxyAddress() != null) {
            proxies.remove(ended.proxyAddress(), ended.id());
        }
        boolean reserved = !awaitingAdapter.remove(ended.id());
        AssetAdapter adapter = adapters.get(ended.kind());
        if (adapter != null && reserved) {
            releaseQuietly(adapter, ended.id());
        }
    }

    private Allocation activeOwnedBy(String allocationId, String caller, String action) throws AssetException {
        Allocation allocation = allocations.get(allocationId);
        if (allocation == null) {
            throw new AssetException("cannot " + action + " allocation " + allocationId + ": no such allocation");
        }
        if (!allocation.owner().equals(caller) && !Allocation.LOCAL_OPERATOR.equals(caller)) {
            throw new AssetException("cannot " + action + " allocation " + allocationId + ": it belongs to "
                    + "another owner; only its owner or the local operator may " + action + " it");
        }
        if (allocation.state() != State.ACTIVE) {
            throw new AssetException("cannot " + action + " allocation " + allocationId + ": it already ended ("
                    + allocation.state().name().toLowerCase() + ": " + allocation.endReason() + ")");
        }
        return allocation;
    }

    private List<Allocation> active(String kind) {
        return active.values().stream().filter(a -> a.kind().equals(kind)).toList();
    }

    private long allocated(String kind) {
        return active(kind).stream().mapToLong(Allocation::amount).sum();
    }

    private String newId() {
        for (int attempt = 0; attempt < 16; attempt++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String id = HEX.formatHex(bytes);
            if (!allocations.containsKey(id)) {
                return id;
            }
        }
        throw new IllegalStateException("the random source keeps repeating itself; check the JVM's SecureRandom");
    }

    private void checkLease(Duration lease) throws AssetException {
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new AssetException("the lease must be positive, not " + lease);
        }
        if (lease.compareTo(maxLease) > 0) {
            throw new AssetException("the lease of " + lease + " is longer than the maximum of " + maxLease
                    + "; ask for a shorter lease and renew it");
        }
    }

    private static String checkIdentity(String identity) throws AssetException {
        if (identity == null || identity.isBlank() || identity.length() > 253
                || identity.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new AssetException("a grantee must be a certificate identity such as node2.internet2.network "
                    + "(no spaces, at most 253 characters), not '" + identity + "'");
        }
        return identity;
    }

    private static void requireOwner(String name, String role) throws AssetException {
        if (name == null || name.isBlank()) {
            throw new AssetException("the " + role + " must be named");
        }
    }

    private static Allocation ended(Allocation allocation, State state, String reason) {
        return new Allocation(allocation.id(), allocation.kind(), allocation.amount(), allocation.owner(),
                allocation.leaseExpiry(), allocation.proxyAddress(), state, reason);
    }

    private static void releaseQuietly(AssetAdapter adapter, String allocationId) {
        try {
            adapter.release(allocationId);
        } catch (RuntimeException e) {
            LOG.warn("The {} adapter failed to release allocation {} ({}); its resources may still be held, "
                    + "check the adapter", adapter.kind(), allocationId, e.getMessage());
        }
    }

    /** The API's exception, naming the kinds that are installed. */
    private static final class UnknownKind extends UnknownAssetKindException {

        private static final long serialVersionUID = 1L;
        private final String installed;

        UnknownKind(String kind, Set<String> installed) {
            super(kind);
            this.installed = installed.isEmpty() ? "none" : String.join(", ", installed);
        }

        @Override
        public String getMessage() {
            return super.getMessage() + " (installed kinds: " + installed + ")";
        }
    }
}
