package network.internet2.hypermesh.assets.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.Allocation.State;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;

public class AssetRegistryComponentTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void servesAllocationsAndKeepsThemAndItsPrefixAcrossRestarts() throws Exception {
        Path directory = folder.getRoot().toPath().resolve("assets");
        MutableClock clock = new MutableClock();
        FakeAdapter memory = new FakeAdapter("memory", 100);
        AssetRegistryComponent registry = new AssetRegistryComponent(directory, Duration.ofDays(1),
                Duration.ofSeconds(1), "node1", clock, false);
        Allocation granted;
        UlaPrefix prefix;
        try {
            registry.addAdapter(memory, Map.of(AssetAdapter.KIND_PROPERTY, "memory"));
            granted = registry.allocate("memory", 30, Duration.ofHours(1), "alice");
            prefix = registry.prefix();
            assertEquals(List.of(new AssetKind("memory", memory.capacity(), 30)), registry.kinds());
            assertEquals("node1", registry.proxies().lookup(granted.proxyAddress()).orElseThrow().node());
        } finally {
            registry.deactivate();
        }
        assertTrue(Files.exists(directory.resolve(AssetRegistryComponent.JOURNAL_FILE)));

        AssetRegistryComponent restarted = new AssetRegistryComponent(directory, Duration.ofDays(1),
                Duration.ofSeconds(1), "node1", clock, false);
        try {
            assertEquals(prefix, restarted.prefix());
            assertEquals(List.of(granted), restarted.allocations());
            restarted.addAdapter(new FakeAdapter("memory", 100), Map.of(AssetAdapter.KIND_PROPERTY, "memory"));
            restarted.removeAdapter(new FakeAdapter("memory", 100), Map.of(AssetAdapter.KIND_PROPERTY, "memory"));
            assertEquals("a different instance going away changes nothing", 1, restarted.allocations().size());
            restarted.release(granted.id(), "alice");
            assertEquals(State.RELEASED, restarted.find(granted.id()).orElseThrow().state());
        } finally {
            restarted.deactivate();
        }
    }

    @Test
    public void theDefaultStorageDirectoryLiesInKarafData() {
        assertEquals(Path.of("/opt/karaf/data/internet2/assets"),
                AssetRegistryComponent.storageDirectory("${karaf.data}/internet2/assets", "/opt/karaf/data"));
        assertEquals(Path.of("/srv/assets"), AssetRegistryComponent.storageDirectory("/srv/assets", "/x"));
    }

    @Test
    public void adaptersUnboundAfterTheRegistryStopsKeepTheirAllocations() throws Exception {
        Path directory = folder.getRoot().toPath().resolve("reconfigured");
        MutableClock clock = new MutableClock();
        FakeAdapter storage = new FakeAdapter("storage", 100);
        AssetRegistryComponent registry = new AssetRegistryComponent(directory, Duration.ofDays(1),
                Duration.ofSeconds(1), "node1", clock, false);
        registry.addAdapter(storage, Map.of(AssetAdapter.KIND_PROPERTY, "storage"));
        Allocation plot = registry.allocate("storage", 40, Duration.ofHours(1), "proof-space");
        registry.deactivate();
        registry.removeAdapter(storage, Map.of(AssetAdapter.KIND_PROPERTY, "storage"));
        assertTrue("a registry reconfigured (stopped, started) releases nothing", storage.releaseCalls.isEmpty());

        AssetRegistryComponent again = new AssetRegistryComponent(directory, Duration.ofDays(1),
                Duration.ofSeconds(1), "node1", clock, false);
        try {
            again.addAdapter(storage, Map.of(AssetAdapter.KIND_PROPERTY, "storage"));
            assertEquals(State.ACTIVE, again.find(plot.id()).orElseThrow().state());
            assertEquals("the adapter still holds it: no second reservation", 1, storage.allocateCalls.size());
        } finally {
            again.deactivate();
        }
    }
}
