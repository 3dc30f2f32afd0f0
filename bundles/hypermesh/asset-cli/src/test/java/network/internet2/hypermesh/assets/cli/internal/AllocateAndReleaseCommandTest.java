package network.internet2.hypermesh.assets.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

import network.internet2.hypermesh.asset.Allocation;

public class AllocateAndReleaseCommandTest {

    private final FakeRegistry registry = new FakeRegistry();

    private AllocateCommand allocate(String kind, String amount, String lease) {
        AllocateCommand command = new AllocateCommand();
        command.registry = registry;
        command.kind = kind;
        command.amount = amount;
        if (lease != null) {
            command.lease = lease;
        }
        return command;
    }

    private ReleaseCommand release(String id) {
        ReleaseCommand command = new ReleaseCommand();
        command.registry = registry;
        command.id = id;
        return command;
    }

    @Test
    public void allocatesForTheOperatorWithSuffixesAndPrintsTheGrant() throws Exception {
        try (Console console = new Console()) {
            allocate("memory", "64MiB", "2h").execute();
            assertEquals(List.of("allocate memory 67108864 7200 local-operator"), registry.calls);
            assertEquals(String.join(System.lineSeparator(),
                    "Allocated 64 MiB of memory:",
                    "  Id             a1",
                    "  Kind           memory",
                    "  Amount         64 MiB (67108864 bytes)",
                    "  Owner          local-operator",
                    "  Expires        2026-11-24T12:00:00Z",
                    "  Proxy address  fd3c:1a2b:3c4d::2", ""), console.out());
        }
    }

    @Test
    public void theDefaultLeaseIsAnHour() throws Exception {
        try (Console console = new Console()) {
            allocate("cpu", "500", null).execute();
            assertTrue(console.out(), console.out().startsWith("Allocated 500 millicores of cpu:"));
        }
        assertEquals(List.of("allocate cpu 500 3600 local-operator"), registry.calls);
    }

    @Test
    public void refusalsAreOneLineMessages() {
        CommandException unknown = assertThrows(CommandException.class, () -> allocate("gpu", "1", null).execute());
        assertEquals("no asset of kind 'gpu' is offered; the kinds are: memory, cpu, vm", unknown.getMessage());
        CommandException full = assertThrows(CommandException.class, () -> allocate("cpu", "2001", null).execute());
        assertEquals("cannot allocate 2001 millicores of cpu: only 2000 millicores of 2000 millicores are available "
                + "(asset:list shows every kind)", full.getMessage());
        CommandException noRoom = assertThrows(CommandException.class, () -> allocate("vm", "1.5GiB", null).execute());
        assertEquals("cannot allocate 1.5 GiB of vm: only 256 MiB of 256 MiB are available (asset:list shows every "
                + "kind)", noRoom.getMessage());
        assertThrows(CommandException.class, () -> allocate("cpu", "1GiB", null).execute());
        assertThrows(CommandException.class, () -> allocate("cpu", "1", "forever").execute());
        assertEquals(List.of("allocate cpu 2001 3600 local-operator", "allocate vm 1610612736 3600 local-operator"),
                registry.calls);
    }

    @Test
    public void releasesAnyOwnersAllocationOnce() throws Exception {
        Allocation peer = registry.granted("memory", 4096, "node2.internet2.network");
        try (Console console = new Console()) {
            release(peer.id()).execute();
            assertEquals("Released allocation a1 (4 KiB of memory, owner node2.internet2.network)"
                    + System.lineSeparator(), console.out());
        }
        assertEquals(List.of("release a1 local-operator"), registry.calls);
        CommandException again = assertThrows(CommandException.class, () -> release(peer.id()).execute());
        assertEquals("cannot release allocation a1: it already ended (released: released by local-operator)",
                again.getMessage());
        CommandException unknown = assertThrows(CommandException.class, () -> release("a9").execute());
        assertTrue(unknown.getMessage(), unknown.getMessage().startsWith("no allocation a9;"));
    }
}
