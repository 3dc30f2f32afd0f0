package network.internet2.hypermesh.assets.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.Allocation.State;
import network.internet2.hypermesh.asset.InsufficientCapacityException;

public class AllocationJournalTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final MutableClock clock = new MutableClock();
    private Path file;
    private UlaPrefix prefix;
    private AllocationJournal journal;
    private ProxyTable proxies;

    @Before
    public void paths() throws IOException {
        file = folder.getRoot().toPath().resolve("allocations.journal");
        prefix = UlaPrefix.loadOrCreate(folder.getRoot().toPath().resolve("ula-prefix"), new SecureRandom());
    }

    @After
    public void closeJournal() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }

    /** Simulates a node (re)start: opens the journal and a book restored from it. */
    private AllocationBook restart() throws IOException {
        if (journal != null) {
            journal.close();
        }
        journal = AllocationJournal.open(file);
        proxies = new ProxyTable();
        AllocationBook book = new AllocationBook(Duration.ofDays(1), clock, AllocationGate.ADMIT_ALL, journal,
                prefix, proxies, "node1");
        book.restore(journal.replayed().values(), journal.replayedGrants());
        return book;
    }

    @Test
    public void replayRebuildsTheSameAllocationsAndNeverDoubleGrants() throws Exception {
        AllocationBook book = restart();
        book.adapterAdded(new FakeAdapter("memory", 100));
        Allocation kept = book.allocate("memory", 60, HOUR, "CN=alice, O=Example");
        Allocation released = book.allocate("memory", 20, HOUR, "bob");
        book.release(released.id(), "bob");
        clock.advance(Duration.ofMinutes(5));
        Allocation renewed = book.renew(kept.id(), HOUR, "CN=alice, O=Example");
        List<Allocation> before = book.allocations();

        AllocationBook reopened = restart();
        FakeAdapter memory = new FakeAdapter("memory", 100);
        reopened.adapterAdded(memory);

        assertEquals(before, reopened.allocations());
        assertEquals(renewed, reopened.find(kept.id()).orElseThrow());
        assertEquals(State.RELEASED, reopened.find(released.id()).orElseThrow().state());
        assertEquals("released by bob", reopened.find(released.id()).orElseThrow().endReason());
        assertEquals(List.of(kept.id()), memory.allocateCalls);
        assertTrue(proxies.contains(kept.proxyAddress()));
        assertThrows(InsufficientCapacityException.class, () -> reopened.allocate("memory", 41, HOUR, "carol"));
        reopened.allocate("memory", 40, HOUR, "carol");
    }

    @Test
    public void allocationsOfAnAbsentAdapterStayGrantedAndAreReservedWhenItArrives() throws Exception {
        AllocationBook book = restart();
        book.adapterAdded(new FakeAdapter("gpu", 2));
        Allocation granted = book.allocate("gpu", 1, HOUR, "alice");

        AllocationBook reopened = restart();
        assertEquals(List.of(granted), reopened.allocations());
        clock.advance(Duration.ofMinutes(30));
        assertTrue(reopened.expire(clock.instant()).isEmpty());

        FakeAdapter gpu = new FakeAdapter("gpu", 2);
        reopened.adapterAdded(gpu);
        assertEquals(List.of(granted.id()), gpu.allocateCalls);
        assertEquals(1, reopened.kinds().get(0).allocated());
    }

    @Test
    public void leasesThatPassedDuringDowntimeEndAsExpired() throws Exception {
        AllocationBook book = restart();
        book.adapterAdded(new FakeAdapter("memory", 100));
        Allocation shortLease = book.allocate("memory", 60, Duration.ofMinutes(10), "alice");
        Allocation longLease = book.allocate("memory", 30, Duration.ofHours(2), "bob");

        clock.advance(HOUR);
        AllocationBook reopened = restart();
        FakeAdapter memory = new FakeAdapter("memory", 100);
        reopened.adapterAdded(memory);

        Allocation expired = reopened.find(shortLease.id()).orElseThrow();
        assertEquals(State.EXPIRED, expired.state());
        assertEquals("lease expired at " + shortLease.leaseExpiry(), expired.endReason());
        assertEquals(List.of(longLease.id()), memory.allocateCalls);
        assertTrue(memory.releaseCalls.isEmpty());

        AllocationBook third = restart();
        assertEquals(State.EXPIRED, third.find(shortLease.id()).orElseThrow().state());
        assertEquals(List.of(longLease), third.allocations());
    }

    @Test
    public void aTornLastLineIsCutAndTheRestKept() throws Exception {
        AllocationBook book = restart();
        book.adapterAdded(new FakeAdapter("memory", 100));
        Allocation first = book.allocate("memory", 10, HOUR, "alice");
        journal.close();
        journal = null;
        long intact = Files.size(file);
        Files.writeString(file, "1234abcd granted half-a-li", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        AllocationBook reopened = restart();
        assertEquals(List.of(first), reopened.allocations());
        assertEquals(intact, Files.size(file));

        reopened.adapterAdded(new FakeAdapter("memory", 100));
        Allocation second = reopened.allocate("memory", 10, HOUR, "bob");
        assertEquals(List.of(first, second), restart().allocations());
    }

    @Test
    public void aCompleteButDamagedLastLineIsCutToo() throws Exception {
        AllocationBook book = restart();
        book.adapterAdded(new FakeAdapter("memory", 100));
        Allocation first = book.allocate("memory", 10, HOUR, "alice");
        journal.close();
        journal = null;
        Files.writeString(file, "00000000 granted x\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertEquals(List.of(first), restart().allocations());
    }

    @Test
    public void damageBeforeTheLastLineStopsTheRegistry() throws Exception {
        AllocationBook book = restart();
        book.adapterAdded(new FakeAdapter("memory", 100));
        book.allocate("memory", 10, HOUR, "alice");
        book.allocate("memory", 10, HOUR, "bob");
        journal.close();
        journal = null;
        byte[] content = Files.readAllBytes(file);
        content[12] ^= 1;
        Files.write(file, content);

        IOException refused = assertThrows(IOException.class, () -> AllocationJournal.open(file));
        assertTrue(refused.getMessage(), refused.getMessage().contains(file.toString()));
        assertTrue(refused.getMessage(), refused.getMessage().contains("damaged at byte 0"));
    }
}
