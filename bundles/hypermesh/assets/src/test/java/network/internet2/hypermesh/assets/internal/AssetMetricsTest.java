package network.internet2.hypermesh.assets.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;

/**
 * The asset meters, fed by a real asset registry (journal in a temporary folder) whose adapters come and go,
 * read back from a {@link SimpleMeterRegistry}.
 */
public class AssetMetricsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FakeAdapter memory = new FakeAdapter("memory", 100, "bytes");
    private final FakeAdapter cpu = new FakeAdapter("cpu", 8000, "millicores");
    private AssetRegistryComponent assets;
    private AssetMetrics metrics;

    @Before
    public void setUp() throws Exception {
        assets = new AssetRegistryComponent(folder.getRoot().toPath(), Duration.ofDays(1), Duration.ofSeconds(1),
                "node1", new MutableClock(), false);
        add(memory);
        metrics = new AssetMetrics(meters, assets);
    }

    @After
    public void tearDown() {
        metrics.deactivate();
        assets.deactivate();
    }

    @Test
    public void aKindServedAtActivationHasItsGaugesTaggedWithKindAndUnit() {
        assertEquals(100, value(AssetMetrics.CAPACITY, "memory"), 0);
        assertEquals(0, value(AssetMetrics.ALLOCATED, "memory"), 0);
        assertEquals(0, value(AssetMetrics.ACTIVE, "memory"), 0);
        assertEquals("bytes", meters.get(AssetMetrics.CAPACITY).tag("kind", "memory").gauge().getId().getTag("unit"));
    }

    @Test
    public void gaugesFollowWhatIsAllocated() throws Exception {
        Allocation first = assets.allocate("memory", 30, Duration.ofHours(1), "alice");
        assets.allocate("memory", 15, Duration.ofHours(1), "bob");
        assertEquals(45, value(AssetMetrics.ALLOCATED, "memory"), 0);
        assertEquals(2, value(AssetMetrics.ACTIVE, "memory"), 0);
        assets.release(first.id(), "alice");
        assertEquals(15, value(AssetMetrics.ALLOCATED, "memory"), 0);
        assertEquals(1, value(AssetMetrics.ACTIVE, "memory"), 0);
        assertEquals(100, value(AssetMetrics.CAPACITY, "memory"), 0);
    }

    @Test
    public void aKindThatArrivesGetsGaugesAndOneThatLeavesLosesThem() throws Exception {
        add(cpu);
        assertEquals(8000, value(AssetMetrics.CAPACITY, "cpu"), 0);
        assertEquals("millicores", meters.get(AssetMetrics.ACTIVE).tag("kind", "cpu").gauge().getId().getTag("unit"));
        assets.allocate("memory", 40, Duration.ofHours(1), "alice");

        assets.removeAdapter(memory, Map.of(AssetAdapter.KIND_PROPERTY, "memory"));
        for (String name : List.of(AssetMetrics.CAPACITY, AssetMetrics.ALLOCATED, AssetMetrics.ACTIVE)) {
            assertNull(name + " of a removed kind", meters.find(name).tag("kind", "memory").gauge());
        }
        assertEquals(Set.of("cpu"), kindsWithGauges());

        add(memory);
        assertEquals(Set.of("cpu", "memory"), kindsWithGauges());
        assertEquals("its allocations ended with its adapter", 0, value(AssetMetrics.ALLOCATED, "memory"), 0);
        assertEquals("three gauges for each of the two kinds, nothing left over", 6, meters.getMeters().stream()
                .filter(meter -> !meter.getId().getName().equals(AssetMetrics.OPERATIONS)).count());
    }

    @Test
    public void anIgnoredSecondAdapterOfAKindChangesNoGauge() {
        FakeAdapter second = new FakeAdapter("memory", 999, "bytes");
        add(second);
        assets.removeAdapter(second, Map.of(AssetAdapter.KIND_PROPERTY, "memory"));
        assertEquals("the first adapter still serves the kind", 100, value(AssetMetrics.CAPACITY, "memory"), 0);
    }

    @Test
    public void operationsAreCountedByOutcome() throws Exception {
        Allocation granted = assets.allocate("memory", 60, Duration.ofHours(1), "alice");
        assertThrows(AssetException.class, () -> assets.allocate("memory", 60, Duration.ofHours(1), "bob"));
        assertThrows(AssetException.class, () -> assets.allocate("gpu", 1, Duration.ofHours(1), "bob"));
        assets.renew(granted.id(), Duration.ofHours(2), "alice");
        assertThrows(AssetException.class, () -> assets.renew(granted.id(), Duration.ofHours(2), "mallory"));
        assets.release(granted.id(), "alice");
        assertThrows(AssetException.class, () -> assets.release(granted.id(), "alice"));

        assertEquals(1, operations("allocate", "success"), 0);
        assertEquals(2, operations("allocate", "failure"), 0);
        assertEquals(1, operations("renew", "success"), 0);
        assertEquals(1, operations("renew", "failure"), 0);
        assertEquals(1, operations("release", "success"), 0);
        assertEquals(1, operations("release", "failure"), 0);
    }

    @Test
    public void deactivatingRemovesEveryMeterAndRegistersNoMore() throws Exception {
        add(cpu);
        assertEquals(12, meters.getMeters().size());
        metrics.deactivate();
        assertTrue(meters.getMeters().toString(), meters.getMeters().isEmpty());
        add(new FakeAdapter("gpu", 2, "devices"));
        assets.allocate("gpu", 1, Duration.ofHours(1), "alice");
        assertTrue(meters.getMeters().toString(), meters.getMeters().isEmpty());
    }

    @Test
    public void anotherAssetRegistryIsRefusedByName() {
        AssetRegistry foreign = (AssetRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AssetRegistry.class}, (proxy, method, args) -> null);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new AssetMetrics(new SimpleMeterRegistry(), foreign));
        assertTrue(refused.getMessage(), refused.getMessage().contains("install hypermesh-assets"));
    }

    private void add(FakeAdapter adapter) {
        assets.addAdapter(adapter, Map.of(AssetAdapter.KIND_PROPERTY, adapter.kind()));
    }

    private double value(String name, String kind) {
        Gauge gauge = meters.get(name).tag("kind", kind).gauge();
        return gauge.value();
    }

    private double operations(String operation, String outcome) {
        return meters.get(AssetMetrics.OPERATIONS).tag("operation", operation).tag("outcome", outcome).counter()
                .count();
    }

    private Set<String> kindsWithGauges() {
        return meters.getMeters().stream().map(Meter::getId).filter(id -> !id.getName().equals(AssetMetrics.OPERATIONS))
                .map(id -> id.getTag("kind")).collect(Collectors.toSet());
    }
}
