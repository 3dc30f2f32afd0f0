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
}
