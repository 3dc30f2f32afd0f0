package network.internet2.hypermesh.assets.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.Capacity;

public class ListingCommandsTest {

    private final FakeRegistry registry = new FakeRegistry();

    /** An adapter that only reports its kind and health. */
    private static AssetAdapter adapter(String kind, AssetAdapter.Health health) {
        return new AssetAdapter() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Capacity capacity() {
                return new Capacity(0, "bytes");
            }

            @Override
            public void allocate(String allocationId, long amount) {
            }

            @Override
            public void release(String allocationId) {
            }

            @Override
            public long usage() {
                return 0;
            }

            @Override
            public Health health() {
                if (health == null) {
                    throw new IllegalStateException("probe failed");
                }
                return health;
            }
        };
    }

    @Test
    public void listsTheKindsAsAnAlignedTableWithTheAdaptersHealth() throws Exception {
        registry.granted("memory", 1L << 30 >> 2, Allocation.LOCAL_OPERATOR);
        ListCommand command = new ListCommand();
        command.registry = registry;
        command.adapters = List.of(adapter("memory", new AssetAdapter.Health(true, "ok")),
                adapter("cpu", new AssetAdapter.Health(false, "cgroup v2 missing")));
        try (Console console = new Console()) {
            command.execute();
            String[] lines = console.out().split("\\R");
            assertTrue(lines[0], lines[0].matches("Kind\\s+\\| Unit\\s+\\|\\s+Total \\| Allocated \\|\\s+Available \\| Health\\s*"));
            assertTrue(console.out(), lines[2].matches("memory\\s+\\| bytes\\s+\\|\\s+1 GiB \\|\\s+256 MiB \\|\\s+768 MiB "
                    + "\\| healthy\\s*"));
            // quantities are right-aligned, as numbers are in every table of the shell
            assertEquals(lines[0].indexOf("Total |") + "Total".length(), lines[2].indexOf("1 GiB |") + "1 GiB".length());
            assertTrue(console.out(), lines[3].contains("| unhealthy: cgroup v2 missing"));
            assertTrue(console.out(), lines[4].matches("vm .*\\| unknown\\s*"));
            assertEquals(lines[0].indexOf("| Unit"), lines[2].indexOf("| bytes"));
        }
    }

    @Test
    public void anAdapterThatFailsToReportIsUnhealthy() {
        AssetAdapter.Health health = ListCommand.health(List.of(adapter("memory", null)), "memory");
        assertFalse(health.healthy());
        assertTrue(health.detail(), health.detail().contains("probe failed"));
        assertNull(ListCommand.health(List.of(), "memory"));
        assertNull(ListCommand.health(null, "memory"));
    }

    @Test
    public void listsTheOperatorsAllocationsOrWithAllEveryOwners() throws Exception {
        Allocation own = registry.granted("memory", 4096, Allocation.LOCAL_OPERATOR);
        Allocation peer = registry.granted("cpu", 250, "node2.internet2.network");
        List<Allocation> active = registry.allocations();
        assertEquals(List.of(own), AllocationsCommand.shown(active, false));
        assertEquals(List.of(own, peer), AllocationsCommand.shown(active, true));
        assertEquals("1 allocation of other owners not shown; asset:allocations --all lists every owner's",
                AllocationsCommand.hiddenNote(1));
        assertEquals("", AllocationsCommand.hiddenNote(0));

        AllocationsCommand command = new AllocationsCommand();
        command.registry = registry;
        try (Console console = new Console()) {
            command.execute();
            assertTrue(console.out(), console.out().contains("| local-operator"));
            assertFalse(console.out(), console.out().contains("node2"));
            assertTrue(console.out(), console.out().endsWith("1 allocation of other owners not shown; "
                    + "asset:allocations --all lists every owner's" + System.lineSeparator()));
        }
        command.all = true;
        try (Console console = new Console()) {
            command.execute();
            String[] lines = console.out().split("\\R");
            assertTrue(lines[0], lines[0].startsWith("Id"));
            assertTrue(console.out(), lines[3].matches("a2\\s+\\| cpu\\s+\\|\\s+250 millicores \\| node2.internet2.network "
                    + "\\| 2026-11-24T11:00:00Z \\| fd3c:1a2b:3c4d::3 \\| active\\s*"));
            assertFalse(console.out(), console.out().contains("not shown"));
        }
    }

    @Test
    public void anEmptyRegistrySaysSo() throws Exception {
        AllocationsCommand command = new AllocationsCommand();
        command.registry = registry;
        try (Console console = new Console()) {
            command.execute();
            assertTrue(console.out(), console.out().contains("No active allocation of the operator (local-operator)."));
        }
        registry.capacities.clear();
        ListCommand list = new ListCommand();
        list.registry = registry;
        try (Console console = new Console()) {
            list.execute();
            assertTrue(console.out(), console.out().contains("No asset kind is offered"));
        }
    }
}
