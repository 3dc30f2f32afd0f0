package network.internet2.hypermesh.assets.cli.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import network.internet2.hypermesh.asset.Allocation;

public class CompletersTest {

    @Test
    public void offersTheActiveAllocationsOfTheWantedKind() throws Exception {
        FakeRegistry registry = new FakeRegistry();
        Allocation memory = registry.granted("memory", 1024, Allocation.LOCAL_OPERATOR);
        Allocation vm = registry.granted("vm", 1 << 20, Allocation.LOCAL_OPERATOR);
        Allocation cpu = registry.granted("cpu", 100, "node2.internet2.network");
        Allocation ended = registry.granted("vm", 1024, Allocation.LOCAL_OPERATOR);
        registry.release(ended.id(), Allocation.LOCAL_OPERATOR);
        List<Allocation> all = List.copyOf(registry.allocations.values());

        assertEquals(List.of(memory.id(), vm.id(), cpu.id()), AllocationIdCompleter.ids(all, null));
        assertEquals(List.of(vm.id()), AllocationIdCompleter.ids(all, VmAllocationCompleter.VM_KIND));
        assertEquals(List.of(cpu.id()), AllocationIdCompleter.ids(all, CpuAllocationCompleter.CPU_KIND));
        assertEquals(List.of(), AllocationIdCompleter.ids(List.of(), null));
    }

    @Test
    public void offersTheKindsOfTheRegistry() {
        assertEquals(List.of("memory", "cpu", "vm"), KindCompleter.kinds(new FakeRegistry().kinds()));
    }

    @Test
    public void offersWhoIsGrantedTheAllocationTypedElseEveryActiveOnes() {
        Map<String, Set<String>> granted = Map.of(
                "a1", Set.of("node3.internet2.network", "node2.internet2.network"),
                "a2", Set.of("node2.internet2.network", "node4.internet2.network"),
                "ended", Set.of("node9.internet2.network"));
        List<String> active = List.of("a1", "a2", "a3");
        assertEquals(List.of("node2.internet2.network", "node3.internet2.network"), GranteeCompleter.grantees(
                active, List.of("asset:grant", "--revoke", "a1", "node"), id -> granted.getOrDefault(id, Set.of())));
        assertEquals(List.of("node2.internet2.network", "node3.internet2.network", "node4.internet2.network"),
                GranteeCompleter.grantees(active, List.of("asset:grant", "--revoke", "ended", ""),
                        id -> granted.getOrDefault(id, Set.of())));
        assertEquals(List.of(), GranteeCompleter.grantees(List.of(), List.of("asset:grant"), id -> Set.of("x")));
    }
}
