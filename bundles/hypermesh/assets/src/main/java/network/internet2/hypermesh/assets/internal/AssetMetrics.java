package network.internet2.hypermesh.assets.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;

/**
 * The asset layer's meters in the node's {@link MeterRegistry}: per served kind (tags {@code kind} and
 * {@code unit}) its capacity, the amount allocated and the number of active allocations, read from the registry
 * at each scrape; and allocate / renew / release operations by outcome. A kind's gauges are registered when its
 * adapter arrives and removed when it leaves, so hot-deployed adapters leave no stale meters. Deactivating
 * removes every meter it registered.
 */
@Component(immediate = true)
public class AssetMetrics {

    static final String CAPACITY = "hypermesh.asset.capacity";
    static final String ALLOCATED = "hypermesh.asset.allocated";
    static final String ACTIVE = "hypermesh.asset.allocations.active";
    static final String OPERATIONS = "hypermesh.asset.operations";

    /** The gauges of one served kind, and the unit they were tagged with. */
    private record KindGauges(String unit, List<Meter> gauges) {
    }

    private final MeterRegistry registry;
    private final AssetRegistryComponent assets;
    private final Map<AssetOperation, Counter> succeeded = new EnumMap<>(AssetOperation.class);
    private final Map<AssetOperation, Counter> failed = new EnumMap<>(AssetOperation.class);
    private final Map<String, KindGauges> kinds = new HashMap<>();
    private final AssetObserver recorder = new Recorder();
    private boolean closed;

    @Activate
    public AssetMetrics(@Reference MeterRegistry registry, @Reference AssetRegistry assets) {
        this(registry, registryOf(assets));
    }

    /** Registers the meters in {@code registry} and follows {@code assets}' kinds and operations. */
    AssetMetrics(MeterRegistry registry, AssetRegistryComponent assets) {
        this.registry = registry;
        this.assets = assets;
        synchronized (this) {
            for (AssetOperation operation : AssetOperation.values()) {
                succeeded.put(operation, counter(operation, "success"));
                failed.put(operation, counter(operation, "failure"));
            }
        }
        assets.observe(recorder);
    }

    private static AssetRegistryComponent registryOf(AssetRegistry assets) {
        if (!(assets instanceof AssetRegistryComponent component)) {
            throw new IllegalStateException("the asset metrics read the hypermesh-assets bundle's own registry, not "
                    + assets.getClass().getName() + "; install hypermesh-assets");
        }
        return component;
    }

    @Deactivate
    synchronized void deactivate() {
        assets.stopObserving(recorder);
        closed = true;
        kinds.values().forEach(kind -> kind.gauges().forEach(registry::remove));
        kinds.clear();
        succeeded.values().forEach(registry::remove);
        failed.values().forEach(registry::remove);
    }

    /** Registers the gauges of kinds that arrived and removes those of kinds that left (or changed unit). */
    private synchronized void kindsChanged() {
        if (closed) {
            return;
        }
        Map<String, String> served = new HashMap<>();
        for (AssetKind kind : assets.kinds()) {
            served.put(kind.kind(), unitOf(kind));
        }
        kinds.entrySet().removeIf(entry -> {
            boolean gone = !entry.getValue().unit().equals(served.get(entry.getKey()));
            if (gone) {
                entry.getValue().gauges().forEach(registry::remove);
            }
            return gone;
        });
        served.forEach((kind, unit) -> kinds.computeIfAbsent(kind, k -> register(k, unit)));
    }

    private KindGauges register(String kind, String unit) {
        return new KindGauges(unit, List.of(
                gauge(CAPACITY, kind, unit, "What the kind's adapter offers", usage -> usage.capacity().total()),
                gauge(ALLOCATED, kind, unit, "The amount of the kind its active allocations hold",
                        AllocationBook.KindUsage::allocated),
                gauge(ACTIVE, kind, unit, "Active allocations of the kind", AllocationBook.KindUsage::allocations)));
    }

    private Gauge gauge(String name, String kind, String unit, String description,
            ToDoubleFunction<AllocationBook.KindUsage> value) {
        return Gauge.builder(name, () -> {
            Optional<AllocationBook.KindUsage> usage = assets.usage(kind);
            return usage.isPresent() ? value.applyAsDouble(usage.get()) : Double.NaN;
        }).description(description + " (amounts in the tag unit)").tag("kind", kind).tag("unit", unit)
                .register(registry);
    }

    private Counter counter(AssetOperation operation, String outcome) {
        return Counter.builder(OPERATIONS).description("Allocate, renew and release operations asked of the "
                + "asset registry, by outcome").tag("operation", operation.tag()).tag("outcome", outcome)
                .register(registry);
    }

    private static String unitOf(AssetKind kind) {
        String unit = kind.capacity().unit();
        return unit == null || unit.isBlank() ? "none" : unit;
    }

    /** Counts an operation; one still under way at deactivation counts into a removed counter, which is harmless. */
    private void count(AssetOperation operation, boolean success) {
        (success ? succeeded : failed).get(operation).increment();
    }

    /** Hands the registry's events to the metrics. */
    private final class Recorder implements AssetObserver {

        @Override
        public void kindsChanged() {
            AssetMetrics.this.kindsChanged();
        }

        @Override
        public void operationFinished(AssetOperation operation, boolean success) {
            count(operation, success);
        }
    }
}
