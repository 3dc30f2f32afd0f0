package network.internet2.management.webconsole.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;
import network.internet2.hypermesh.asset.Capacity;
import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.hypermesh.proof.ConsensusStatus;
import network.internet2.hypermesh.proof.ProofEngine;

/**
 * {@code /system/console/internet2-hypermesh}: the asset kinds the node offers (capacity, allocated, in use, the
 * adapter's health), the active allocations, the consensus policy and counts, and every proof engine with its
 * prove and verify timings.
 */
@Component(service = Servlet.class, property = {ConsolePage.LABEL + "=" + HyperMeshPage.PAGE,
    ConsolePage.TITLE + "=HyperMesh", ConsolePage.CATEGORY + "=" + ConsolePage.INTERNET2})
public class HyperMeshPage extends ConsolePage {

    private static final long serialVersionUID = 1L;

    static final String PAGE = "internet2-hypermesh";

    /** The timings row of the whole consensus proof, beside the engines' rows. */
    static final String WHOLE = "consensus";

    /** Service properties that say nothing about an engine's settings. */
    private static final Set<String> NOT_SETTINGS = Set.of("objectClass", ProofEngine.TYPE_PROPERTY,
            "felix.fileinstall.filename");

    private final transient OptionalService<AssetRegistry> registry = new OptionalService<>();
    private final transient OptionalService<ConsensusService> consensus = new OptionalService<>();
    private final transient Map<AssetAdapter, Map<String, Object>> adapters = new ConcurrentHashMap<>();
    private final transient Map<ProofEngine, Map<String, Object>> engines = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRegistry(AssetRegistry service) {
        registry.set(service);
    }

    void unsetRegistry(AssetRegistry service) {
        registry.unset(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setConsensus(ConsensusService service) {
        consensus.set(service);
    }

    void unsetConsensus(ConsensusService service) {
        consensus.unset(service);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAdapter(AssetAdapter adapter, Map<String, Object> properties) {
        adapters.put(adapter, Map.copyOf(properties));
    }

    void removeAdapter(AssetAdapter adapter) {
        adapters.remove(adapter);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEngine(ProofEngine engine, Map<String, Object> properties) {
        engines.put(engine, Map.copyOf(properties));
    }

    void removeEngine(ProofEngine engine) {
        engines.remove(engine);
    }

    @Override
    void content(HtmlFragment page) {
        AssetRegistry assets = registry.get();
        page.section("Assets");
        if (assets == null) {
            page.notInstalled("The asset registry", "feature hypermesh-assets");
        }
        part(page, "the assets", fragment -> kinds(fragment, assets == null ? List.of() : assets.kinds(),
                adapterStates()));
        if (assets != null) {
            part(page, "the allocations", fragment -> allocations(fragment, assets.allocations(), units()));
        }
        ConsensusService service = consensus.get();
        ConsensusStatus status = null;
        page.section("Consensus");
        if (service == null) {
            page.notInstalled("The consensus service", "feature hypermesh-consensus");
        } else {
            try {
                status = service.status();
                consensus(page, status);
            } catch (RuntimeException e) {
                page.problems(List.of("could not read the consensus status: " + e));
            }
        }
        ConsensusStatus known = status;
        Map<String, Map<String, Object>> byType = new TreeMap<>();
        part(page, "the proof engines", fragment -> {
            engines.forEach((engine, properties) -> byType.put(engine.type(), properties));
            engines(fragment, byType, known);
        });
    }

    /** What an adapter says about its kind now. */
    record AdapterState(Capacity capacity, long usage, AssetAdapter.Health health) {
    }

    private Map<String, AdapterState> adapterStates() {
        Map<String, AdapterState> states = new TreeMap<>();
        adapters.keySet().forEach(adapter -> states.put(adapter.kind(), new AdapterState(adapter.capacity(),
                adapter.usage(), adapter.health())));
        return states;
    }

    private Map<String, String> units() {
        Map<String, String> units = new TreeMap<>();
        adapters.keySet().forEach(adapter -> units.put(adapter.kind(), adapter.capacity().unit()));
        return units;
    }

    /**
     * @param offered  the kinds the registry offers
     * @param adapters the installed adapters by kind (a kind may have an adapter the registry does not know yet)
     */
    static void kinds(HtmlFragment page, List<AssetKind> offered, Map<String, AdapterState> adapters) {
        Map<String, AssetKind> byKind = new TreeMap<>();
        offered.forEach(kind -> byKind.put(kind.kind(), kind));
        Set<String> kinds = new TreeSet<>(byKind.keySet());
        kinds.addAll(adapters.keySet());
        List<List<Object>> rows = new ArrayList<>();
        for (String kind : kinds) {
            AssetKind registered = byKind.get(kind);
            AdapterState adapter = adapters.get(kind);
            Capacity capacity = registered != null ? registered.capacity() : adapter.capacity();
            String allocated = registered == null ? "-" : Formats.amount(registered.allocated(), capacity.unit())
                    + share(registered.allocated(), capacity.total());
            Object inUse = "-";
            Object health = "no adapter";
            if (adapter != null) {
                inUse = Formats.amount(adapter.usage(), capacity.unit());
                health = Html.join(Html.badge(adapter.health().healthy() ? "healthy" : "unhealthy"),
                        adapter.health().detail());
            }
            rows.add(List.of(kind, Formats.amount(capacity.total(), capacity.unit()), allocated, inUse, health));
        }
        page.table(List.of("Kind", "Capacity", "Allocated", "In use", "Adapter"), rows,
                "No asset adapter is installed (features asset-memory, asset-storage, asset-cpu, asset-gpu, asset-vm).");
    }

    private static String share(long part, long whole) {
        String share = Formats.share(part, whole);
        return share.isEmpty() ? "" : " (" + share + ")";
    }

    /** @param units the unit of each kind's amounts */
    static void allocations(HtmlFragment page, List<Allocation> allocations, Map<String, String> units) {
        page.heading("Allocations");
        List<List<Object>> rows = new ArrayList<>();
        for (Allocation allocation : allocations) {
            rows.add(List.of(Html.code(allocation.id()), allocation.kind(),
                    Formats.amount(allocation.amount(), units.getOrDefault(allocation.kind(), "")).strip(),
                    allocation.owner(), Formats.instant(allocation.leaseExpiry()),
                    Html.code(allocation.proxyAddress() == null ? "-" : Formats.address(allocation.proxyAddress())),
                    Html.badge(allocation.state().name().toLowerCase(java.util.Locale.ROOT))));
        }
        page.table(List.of("Id", "Kind", "Amount", "Owner", "Lease until", "Proxy address", "State"), rows,
                "No active allocation.");
    }

    static void consensus(HtmlFragment page, ConsensusStatus status) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("required proofs", status.requiredTypes().isEmpty() ? "none"
                : String.join(", ", status.requiredTypes()));
        facts.put("installed engines", status.installedTypes().isEmpty() ? "none"
                : String.join(", ", status.installedTypes()));
        facts.put("proofs made", status.proved());
        facts.put("proofs validated", status.validated());
        facts.put("proofs refused", status.refusals().values().stream().mapToLong(Long::longValue).sum());
        facts.put("quarantined nodes", status.quarantined().size());
        page.facts(facts);
        if (!status.refusals().isEmpty()) {
            page.heading("Refusals by reason");
            page.table(List.of("Reason", "Refused"), status.refusals().entrySet().stream().sorted(
                    Map.Entry.<String, Long>comparingByValue().reversed()).<List<Object>>map(entry -> List.of(
                            entry.getKey(), entry.getValue())).toList(), "");
        }
        if (!status.quarantined().isEmpty()) {
            page.heading("Quarantined nodes");
            page.table(List.of("Node", "Until", "Why"), status.quarantined().stream().<List<Object>>map(node ->
                    List.of(node.nodeIdentity(), Formats.instant(node.until()), node.reason())).toList(), "");
        }
    }

    /**
     * @param byType the installed engines' service properties by proof type
     * @param status the consensus status, or {@code null} without a consensus service
     */
    static void engines(HtmlFragment page, Map<String, Map<String, Object>> byType, ConsensusStatus status) {
        page.heading("Proof engines");
        Set<String> types = new TreeSet<>(byType.keySet());
        if (status != null) {
            types.addAll(status.requiredTypes());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (String type : types) {
            Map<String, Object> properties = byType.get(type);
            boolean required = status != null && status.requiredTypes().contains(type);
            Object state = properties == null ? Html.badge("missing")
                    : Html.badge(required ? "required" : "installed");
            rows.add(timingRow(type, state, properties == null ? "-" : settings(properties), status));
        }
        if (status != null && (status.proveTimings().containsKey(WHOLE) || status.verifyTimings().containsKey(WHOLE))) {
            rows.add(timingRow("whole consensus proof", "", "", status, WHOLE));
        }
        page.table(List.of("Proof", "State", "Settings", "Proved", "Prove p50 / p99 / max", "Verified",
                "Verify p50 / p99 / max"), rows, "No proof engine is installed (features proof-work, proof-time, "
                + "proof-space, proof-stake).");
    }

    private static List<Object> timingRow(String type, Object state, String settings, ConsensusStatus status) {
        return timingRow(type, state, settings, status, type);
    }

    private static List<Object> timingRow(String label, Object state, String settings, ConsensusStatus status,
            String timingKey) {
        ConsensusStatus.Timing prove = status == null ? null : status.proveTimings().get(timingKey);
        ConsensusStatus.Timing verify = status == null ? null : status.verifyTimings().get(timingKey);
        return List.of(label, state, settings, prove == null ? 0L : prove.count(), timings(prove),
                verify == null ? 0L : verify.count(), timings(verify));
    }

    /** @return {@code 1.2 / 3.4 / 5 ms}, or {@code -} before the first sample */
    static String timings(ConsensusStatus.Timing timing) {
        if (timing == null || timing.count() == 0) {
            return "-";
        }
        return Figures.plain(timing.p50Millis()) + " / " + Figures.plain(timing.p99Millis()) + " / "
                + Figures.plain(timing.maxMillis()) + " ms";
    }

    /** @return an engine's configured properties as {@code name=value}, without the framework's own */
    static String settings(Map<String, Object> properties) {
        String settings = properties.entrySet().stream()
                .filter(entry -> !NOT_SETTINGS.contains(entry.getKey()) && !entry.getKey().startsWith("service.")
                        && !entry.getKey().startsWith("component.") && !entry.getKey().startsWith("osgi.")
                        && !entry.getKey().startsWith("."))
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + Figures.plain(entry.getValue()))
                .collect(Collectors.joining(", "));
        return settings.isEmpty() ? "defaults" : settings;
    }
}
