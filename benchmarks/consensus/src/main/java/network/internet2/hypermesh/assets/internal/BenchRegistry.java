package network.internet2.hypermesh.assets.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetRegistry;

/**
 * Benchmark access to the real asset registry outside OSGi (this class sits in the registry's package on the
 * benchmark's plain class path): its journal in {@code directory}, the configuration's defaults (no consensus
 * required, {@code proof-space} exempt), the given adapters bound as DS would.
 */
public final class BenchRegistry {

    private BenchRegistry() {
    }

    public static AssetRegistry open(Path directory, AssetAdapter... adapters) throws Exception {
        AssetRegistryComponent registry = new AssetRegistryComponent(directory, Duration.ofDays(1),
                Duration.ofSeconds(1), "node1", Clock.systemUTC(), false, Set.of("proof-space"));
        for (AssetAdapter adapter : adapters) {
            registry.addAdapter(adapter, Map.of(AssetAdapter.KIND_PROPERTY, adapter.kind()));
        }
        return registry;
    }

    public static void close(AssetRegistry registry) {
        ((AssetRegistryComponent) registry).deactivate();
    }
}
