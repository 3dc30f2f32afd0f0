package network.internet2.hypermesh.assets.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import network.internet2.hypermesh.asset.AssetAdapter;

/** Opens the real registry component in a folder, outside OSGi, with the given adapters. */
public final class TestRegistry {

    private TestRegistry() {
    }

    public static AssetRegistryComponent open(Path directory, AssetAdapter... adapters) throws Exception {
        AssetRegistryComponent registry = new AssetRegistryComponent(directory, Duration.ofDays(1),
                Duration.ofSeconds(1), "node-a", Clock.systemUTC(), false);
        for (AssetAdapter adapter : adapters) {
            registry.addAdapter(adapter, Map.of(AssetAdapter.KIND_PROPERTY, adapter.kind()));
        }
        return registry;
    }

    public static void close(AssetRegistryComponent registry) {
        registry.deactivate();
    }
}
