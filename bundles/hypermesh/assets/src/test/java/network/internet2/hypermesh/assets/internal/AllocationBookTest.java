package network.internet2.hypermesh.assets.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.Allocation.State;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.asset.UnknownAssetKindException;

public class AllocationBookTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final MutableClock clock = new MutableClock();
    private final ProxyTable proxies = new ProxyTable();
    private final FakeAdapter memory = new FakeAdapter("memory", 100);
    private UlaPrefix prefix;
    private AllocationBook book;

    @Before
    public void openBook() throws IOException {
        prefix = UlaPrefix.loadOrCreate(folder.getRoot().toPath().resolve("ula-prefix"), new SecureRandom());
        book = book(AllocationGate.ADMIT_ALL);
        book.adapterAdded(memory);
    }

    private AllocationBook book(AllocationGate gate) {
        return new AllocationBook(Duration.ofDays(1), clock, gate, AllocationRecorder.NONE, prefix, proxies,
                "node1");
    }

    @Test
    public void grantsAnActiveAllocationWithAProxyAddress() throws Exception {
        Allocation granted = book.allocate("memory", 40, HOUR, "alice");

        assertEquals(State.ACTIVE, granted.state());
        assertEquals(clock.instant().plus(HOUR), granted.leaseExpiry());
        assertTrue(granted.id().matches("[0-9a-f]{32}"));
        assertTrue(prefix.contains(granted.proxyAddress()));
        assertEquals(Optional.of(new ProxyTable.Target("node1", granted.id())),
                proxies.lookup(granted.proxyAddress()));
        assertEquals(Long.valueOf(40), memory.reserved.get(granted.id()));
        assertEquals(List.of(new AssetKind("memory", memory.capacity(), 40)), book.kinds());
    }

    @Test
    public void neverOvercommits() throws Exception {
        book.allocate("memory", 60, HOUR, "alice");
        book.allocate("memory", 30, HOUR, "bob");

        InsufficientCapacityException refused = assertThrows(InsufficientCapacityException.class,
                () -> book.allocate("memory", 11, HOUR, "carol"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("only 10 available"));
        assertEquals(2, book.allocations().size());
        book.allocate("memory", 10, HOUR, "carol");
        assertEquals(100, book.kinds().get(0).allocated());
    }

    @Test
    public void refusesNonPositiveAmountsAndLeasesAndLeasesOverTheMaximum() {
        assertTrue(assertThrows(AssetException.class, () -> book.allocate("memory", 0, HOUR, "alice"))
                .getMessage().contains("amount must be positive"));
        assertTrue(assertThrows(AssetException.class, () -> book.allocate("memory", -5, HOUR, "alice"))
                .getMessage().contains("amount must be positive"));
        assertTrue(assertThrows(AssetException.class, () -> book.allocate("memory", 1, Duration.ZERO, "alice"))
                .getMessage().contains("lease must be positive"));
        assertTrue(assertThrows(AssetException.class,
                () -> book.allocate("memory", 1, Duration.ofSeconds(-1), "alice"))
                .getMessage().contains("lease must be positive"));
        assertTrue(assertThrows(AssetException.class,
                () -> book.allocate("memory", 1, Duration.ofDays(2), "alice"))
                .getMessage().contains("longer than the maximum"));
        assertTrue(book.allocations().isEmpty());
        assertTrue(memory.allocateCalls.isEmpty());
    }

    @Test
    public void unknownKindNamesTheInstalledKinds() {
        book.adapterAdded(new FakeAdapter("cpu", 4000));
        UnknownAssetKindException refused = assertThrows(UnknownAssetKindException.class,
                () -> book.allocate("gpu", 1, HOUR, "alice"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("'gpu'"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("installed kinds: cpu, memory"));
    }

    @Test
    public void onlyTheOwnerOrTheLocalOperatorMayRenewOrRelease() throws Exception {
        Allocation granted = book.allocate("memory", 10, HOUR, "alice");

        AssetException foreign = assertThrows(AssetException.class, () -> book.release(granted.id(), "mallory"));
        assertTrue(foreign.getMessage(), foreign.getMessage().contains("belongs to another owner"));
        assertThrows(AssetException.class, () -> book.renew(granted.id(), HOUR, "mallory"));
        assertEquals(State.ACTIVE, book.find(granted.id()).orElseThrow().state());

        clock.advance(Duration.ofMinutes(30));
        Allocation renewed = book.renew(granted.id(), HOUR, "alice");
        assertEquals(clock.instant().plus(HOUR), renewed.leaseExpiry());
        Allocation byOperator = book.renew(granted.id(), Duration.ofHours(2), Allocation.LOCAL_OPERATOR);
        assertEquals(clock.instant().plus(Duration.ofHours(2)), byOperator.leaseExpiry());

        book.release(granted.id(), Allocation.LOCAL_OPERATOR);
        Allocation released = book.find(granted.id()).orElseThrow();
        assertEquals(State.RELEASED, released.state());
        assertEquals(List.of(granted.id()), memory.releaseCalls);
        assertFalse(proxies.contains(granted.proxyAddress()));
    }

    @Test
    public void endedAndUnknownAllocationsGiveClearErrors() throws Exception {
        Allocation granted = book.allocate("memory", 10, HOUR, "alice");
        book.release(granted.id(), "alice");

        AssetException again = assertThrows(AssetException.class, () -> book.release(granted.id(), "alice"));
        assertTrue(again.getMessage(), again.getMessage().contains("already ended (released: released by alice)"));
        assertThrows(AssetException.class, () -> book.renew(granted.id(), HOUR, "alice"));
        AssetException unknown = assertThrows(AssetException.class, () -> book.release("nope", "alice"));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("no such allocation"));
        assertEquals(1, memory.releaseCalls.size());
    }

    @Test
    public void expiredLeasesEndAndFreeTheirCapacity() throws Exception {
        Allocation shortLease = book.allocate("memory", 60, Duration.ofMinutes(10), "alice");
        Allocation longLease = book.allocate("memory", 40, HOUR, "bob");

        assertTrue(book.expire(clock.instant()).isEmpty());
        clock.advance(Duration.ofMinutes(10));
        List<Allocation> expired = book.expire(clock.instant());

        assertEquals(1, expired.size());
        Allocation ended = book.find(shortLease.id()).orElseThrow();
        assertEquals(State.EXPIRED, ended.state());
        assertEquals("lease expired at " + shortLease.leaseExpiry(), ended.endReason());
        assertEquals(List.of(shortLease.id()), memory.releaseCalls);
        assertEquals(List.of(longLease), book.allocations());
        book.allocate("memory", 60, HOUR, "carol");
    }

    @Test
    public void removingTheAdapterRevokesItsAllocationsWithTheReason() throws Exception {
        FakeAdapter cpu = new FakeAdapter("cpu", 4000);
        book.adapterAdded(cpu);
        Allocation memoryShare = book.allocate("memory", 10, HOUR, "alice");
        Allocation cpuShare = book.allocate("cpu", 1000, HOUR, "alice");

        book.adapterRemoved("memory");

        Allocation revoked = book.find(memoryShare.id()).orElseThrow();
        assertEquals(State.REVOKED, revoked.state());
        assertEquals("the memory adapter was removed", revoked.endReason());
        assertEquals(List.of(cpuShare), book.allocations());
        assertFalse(proxies.contains(memoryShare.proxyAddress()));
        assertThrows(UnknownAssetKindException.class, () -> book.allocate("memory", 1, HOUR, "alice"));
    }

    @Test
    public void aSecondAdapterOfAKindIsIgnoredAndItsRemovalChangesNothing() throws Exception {
        FakeAdapter second = new FakeAdapter("memory", 1000);
        assertFalse(book.adapterAdded(second));
        Allocation granted = book.allocate("memory", 10, HOUR, "alice");
        book.adapterRemoved("memory", second);
        assertEquals(State.ACTIVE, book.find(granted.id()).orElseThrow().state());
    }

    @Test
    public void anAdapterThatFailsLeavesNothingGranted() {
        memory.refuseWith = "out of memory";
        AssetException refused = assertThrows(AssetException.class, () -> book.allocate("memory", 10, HOUR, "alice"));
        assertEquals("out of memory", refused.getMessage());
        assertTrue(book.allocations().isEmpty());
        assertEquals(0, proxies.size());
        assertEquals(0, book.kinds().get(0).allocated());
    }

    @Test
    public void aFailingRecorderLeavesNothingGranted() {
        AllocationBook failing = new AllocationBook(Duration.ofDays(1), clock, AllocationGate.ADMIT_ALL,
                new AllocationRecorder() {
                    @Override
                    public void granted(Allocation allocation) throws IOException {
                        throw new IOException("disk full");
                    }

                    @Override
                    public void renewed(Allocation allocation) {
                    }

                    @Override
                    public void ended(Allocation allocation) {
                    }

                    @Override
                    public void accessGranted(String allocationId, String identity) {
                    }

                    @Override
                    public void accessRevoked(String allocationId, String identity) {
                    }
                }, prefix, proxies, "node1");
        failing.adapterAdded(memory);
        AssetException refused = assertThrows(AssetException.class,
                () -> failing.allocate("memory", 10, HOUR, "alice"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("disk full"));
        assertTrue(failing.allocations().isEmpty());
        assertTrue(memory.reserved.isEmpty());
        assertEquals(0, proxies.size());
    }

    @Test
    public void theGateMayRefuseAllocationsAndReleases() throws Exception {
        AllocationBook gated = book(new AllocationGate() {
            @Override
            public Optional<String> refuseAllocation(String kind, long amount, Duration lease, String owner) {
                return amount > 50 ? Optional.of("the network did not agree") : Optional.empty();
            }

            @Override
            public Optional<String> refuseRelease(Allocation allocation, String caller) {
                return Optional.of("release frozen");
            }
        });
        gated.adapterAdded(memory);
        AssetException refused = assertThrows(AssetException.class,
                () -> gated.allocate("memory", 60, HOUR, "alice"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("the network did not agree"));
        Allocation granted = gated.allocate("memory", 10, HOUR, "alice");
        AssetException frozen = assertThrows(AssetException.class, () -> gated.release(granted.id(), "alice"));
        assertTrue(frozen.getMessage(), frozen.getMessage().contains("release frozen"));
        assertEquals(State.ACTIVE, gated.find(granted.id()).orElseThrow().state());
    }

    @Test
    public void proxyAddressesAreUniqueAcrossTenThousandAllocations() throws Exception {
        FakeAdapter big = new FakeAdapter("storage", Long.MAX_VALUE);
        book.adapterAdded(big);
        Set<java.net.Inet6Address> addresses = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            Allocation granted = book.allocate("storage", 1, HOUR, "alice");
            assertTrue(prefix.contains(granted.proxyAddress()));
            assertTrue(addresses.add(granted.proxyAddress()));
            assertTrue(ids.add(granted.id()));
        }
        assertEquals(10_000, proxies.size());
    }

    @Test
    public void aShutdownSuspendsAnAdapterWithoutEndingOrReleasingItsAllocations() throws Exception {
        book.adapterAdded(memory);
        Allocation kept = book.allocate("memory", 10, HOUR, "alice");
        book.adapterSuspended("memory", memory);
        assertEquals(State.ACTIVE, book.find(kept.id()).orElseThrow().state());
        assertTrue("nothing was released: the resources outlive the shutdown", memory.releaseCalls.isEmpty());
        FakeAdapter back = new FakeAdapter("memory", 100);
        book.adapterAdded(back);
        assertEquals("the returning adapter takes the allocation back", Long.valueOf(10), back.reserved.get(kept.id()));
        assertEquals(State.ACTIVE, book.find(kept.id()).orElseThrow().state());
    }

    @Test
    public void aRestartedRegistryLeavesWhatAnAdapterStillHoldsAlone() throws Exception {
        book.adapterAdded(memory);
        Allocation kept = book.allocate("memory", 10, HOUR, "alice");
        AllocationBook restarted = book(AllocationGate.ADMIT_ALL);
        restarted.restore(List.of(kept), java.util.Map.of());
        restarted.adapterAdded(memory);
        assertEquals("no second reservation of what the adapter holds", 1, memory.allocateCalls.size());
        assertEquals(State.ACTIVE, restarted.find(kept.id()).orElseThrow().state());
    }
}
