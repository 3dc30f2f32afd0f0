package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.Capacity;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.asset.UnknownAssetKindException;
import network.internet2.itests.hotdeploy.WidgetActivator;
import network.internet2.itests.hotdeploy.WidgetAdapter;

/**
 * Asset adapters come and go as bundles: a widget adapter, packed into a real
 * bundle inside the container (Pax TinyBundles), is dropped into Karaf's
 * {@code deploy/} folder and the registry offers its kind; allocations really
 * reach it; deleting the jar makes Karaf's file install uninstall it, and its
 * allocations end as revoked with the reason, the kind is gone, other kinds
 * carry on. Also: the {@code asset-gpu} feature in the real distribution
 * offers zero GPUs on a machine without one and says why.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AssetHotDeployIT extends Internet2TestSupport {

    private static final String WIDGET_BUNDLE = "network.internet2.itests.widget";
    private static final String WIDGET_JAR = "widget-adapter.jar";
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final String PEER = "CN=peer.internet2.network";
    private static final long MIB = 1024 * 1024;

    @Override
    protected boolean bootInternet2() {
        return false;
    }

    @Override
    protected String[] extraBootFeatures() {
        return new String[] {"hypermesh-assets", "asset-memory", "asset-gpu"};
    }

    /** Our distribution plus TinyBundles and the bnd it builds with, to make the widget bundle in the container. */
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return OptionUtils.combine(super.config(),
                mavenBundle("org.osgi", "org.osgi.service.repository").versionAsInProject(),
                mavenBundle("biz.aQute.bnd", "biz.aQute.bnd.util").versionAsInProject(),
                mavenBundle("biz.aQute.bnd", "biz.aQute.bndlib").versionAsInProject(),
                mavenBundle("org.ops4j.pax.tinybundles", "tinybundles").versionAsInProject());
    }

    @Test
    public void aHotDeployedAdapterServesItsKindAndItsRemovalRevokesItsAllocations() throws Exception {
        AssetRegistry registry = service(AssetRegistry.class, null);
        waitUntil("the memory and gpu kinds are offered", BOUND,
                () -> kind(registry, "memory").isPresent() && kind(registry, "gpu").isPresent());
        assertFalse(kind(registry, WidgetAdapter.KIND).isPresent());
        Capacity gpuCapacity = kind(registry, "gpu").orElseThrow().capacity();

        byte[] jar = widgetBundle();
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", WIDGET_JAR);
        // written elsewhere in the container, then moved in whole, so that file install never sees half a jar
        Path staging = Files.createDirectories(Path.of(System.getProperty("karaf.data"), "tmp"));
        Path staged = Files.createTempFile(staging, "widget-", ".jar");
        Files.write(staged, jar);
        Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
        try {
            waitUntil("the registry offers the widget kind", BOUND,
                    () -> kind(registry, WidgetAdapter.KIND).isPresent());
            Bundle widget = bundle(WIDGET_BUNDLE).orElseThrow();
            assertEquals(Bundle.ACTIVE, widget.getState());
            assertTrue(widget.getLocation(), widget.getLocation().endsWith("/deploy/" + WIDGET_JAR));
            assertEquals(new Capacity(WidgetActivator.CAPACITY, WidgetAdapter.UNIT),
                    kind(registry, WidgetAdapter.KIND).orElseThrow().capacity());

            Allocation three = registry.allocate(WidgetAdapter.KIND, 3, LEASE, Allocation.LOCAL_OPERATOR);
            Allocation two = registry.allocate(WidgetAdapter.KIND, 2, LEASE, PEER);
            assertThrows(InsufficientCapacityException.class,
                    () -> registry.allocate(WidgetAdapter.KIND, WidgetActivator.CAPACITY - 4, LEASE, PEER));
            AssetAdapter adapter = service(AssetAdapter.class, "(asset.kind=widget)");
            @SuppressWarnings("unchecked")
            Supplier<Map<String, Long>> holdings = service(Supplier.class, "(widget.holdings=true)");
            assertEquals("the adapter holds what the registry granted", Map.of(three.id(), 3L, two.id(), 2L),
                    holdings.get());
            assertEquals(5, adapter.usage());
            registry.release(two.id(), PEER);
            assertEquals(Map.of(three.id(), 3L), holdings.get());
            assertEquals(3, adapter.usage());
            Allocation memory = registry.allocate("memory", MIB, LEASE, PEER);

            Files.delete(deployed);
            waitUntil("the widget allocation is revoked", BOUND,
                    () -> registry.find(three.id()).orElseThrow().state() == Allocation.State.REVOKED);
            assertEquals("the widget adapter was removed", registry.find(three.id()).orElseThrow().endReason());
            waitUntil("file install uninstalled the widget bundle", BOUND, () -> bundle(WIDGET_BUNDLE).isEmpty());
            assertFalse(kind(registry, WidgetAdapter.KIND).isPresent());
            UnknownAssetKindException unknown = assertThrows(UnknownAssetKindException.class,
                    () -> registry.allocate(WidgetAdapter.KIND, 1, LEASE, PEER));
            assertTrue(unknown.getMessage(), unknown.getMessage().contains("'widget'"));
            assertEquals("the registry told the removed adapter to release what it held", Map.of(), holdings.get());
            assertEquals("a released allocation stays released", Allocation.State.RELEASED,
                    registry.find(two.id()).orElseThrow().state());

            // the other kinds carry on
            assertEquals(Allocation.State.ACTIVE, registry.find(memory.id()).orElseThrow().state());
            assertEquals(gpuCapacity, kind(registry, "gpu").orElseThrow().capacity());
            Allocation more = registry.allocate("memory", MIB, LEASE, PEER);
            registry.release(more.id(), PEER);
            registry.release(memory.id(), PEER);
        } finally {
            Files.deleteIfExists(deployed);
        }
    }

    @Test
    public void theGpuKindOffersNoDeviceOnAMachineWithoutAnNvidiaGpuAndSaysWhy() throws Exception {
        Assume.assumeTrue("this machine has an NVIDIA driver or nvidia-smi", noNvidiaGpu());
        AssetRegistry registry = service(AssetRegistry.class, null);
        waitUntil("the gpu kind is offered", BOUND, () -> kind(registry, "gpu").isPresent());
        AssetRegistry.AssetKind gpu = kind(registry, "gpu").orElseThrow();
        assertEquals(new Capacity(0, "devices"), gpu.capacity());
        assertEquals(0, gpu.allocated());

        InsufficientCapacityException refused = assertThrows(InsufficientCapacityException.class,
                () -> registry.allocate("gpu", 1, LEASE, Allocation.LOCAL_OPERATOR));
        assertEquals("cannot allocate 1 of gpu: only 0 available", refused.getMessage());
        assertTrue(registry.allocations().stream().noneMatch(allocation -> allocation.kind().equals("gpu")));

        AssetAdapter adapter = service(AssetAdapter.class, "(asset.kind=gpu)");
        assertThrows("the adapter does not overcommit either", InsufficientCapacityException.class,
                () -> adapter.allocate("direct", 1));
        assertEquals(0, adapter.usage());
        AssetAdapter.Health health = adapter.health();
        assertFalse(health.detail(), health.healthy());
        assertTrue(health.detail(), health.detail().startsWith("no NVIDIA GPU found (checked ")
                && health.detail().contains("/proc/driver/nvidia/gpus: no such directory")
                && health.detail().contains("/dev/nvidia[0-9]*: none")
                && health.detail().contains("nvidia-smi: not found on PATH"));
    }

    /** Packs the widget classes into a bundle that needs only the asset API and the framework. */
    private static byte[] widgetBundle() throws IOException {
        byte[] jar;
        try (InputStream built = TinyBundles.bundle()
                .addClass(WidgetAdapter.class)
                .addClass(WidgetActivator.class)
                .symbolicName(WIDGET_BUNDLE)
                .activator(WidgetActivator.class)
                .setHeader(Constants.BUNDLE_VERSION, "1.0.0")
                .setHeader(Constants.BUNDLE_NAME, "Internet 2.0 :: Integration Tests :: hot-deployed widget adapter")
                .setHeader(Constants.IMPORT_PACKAGE, "network.internet2.hypermesh.asset,org.osgi.framework")
                .build(TinyBundles.bndBuilder())) {
            jar = built.readAllBytes();
        }
        try (JarInputStream read = new JarInputStream(new ByteArrayInputStream(jar))) {
            Attributes headers = read.getManifest().getMainAttributes();
            assertEquals(WIDGET_BUNDLE, headers.getValue(Constants.BUNDLE_SYMBOLICNAME));
            assertEquals(WidgetActivator.class.getName(), headers.getValue(Constants.BUNDLE_ACTIVATOR));
            assertEquals("network.internet2.hypermesh.asset,org.osgi.framework",
                    headers.getValue(Constants.IMPORT_PACKAGE));
            assertNull("the widget bundle exports nothing", headers.getValue(Constants.EXPORT_PACKAGE));
        }
        return jar;
    }

    private static Optional<AssetRegistry.AssetKind> kind(AssetRegistry registry, String kind) {
        return registry.kinds().stream().filter(offered -> offered.kind().equals(kind)).findFirst();
    }

    private Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> symbolicName.equals(bundle.getSymbolicName())).findFirst();
    }

    /** @return whether this machine has neither the NVIDIA driver's GPU list nor nvidia-smi on its path */
    private static boolean noNvidiaGpu() {
        if (Files.exists(Path.of("/proc/driver/nvidia/gpus"))) {
            return false;
        }
        String path = System.getenv("PATH");
        return path == null || Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .noneMatch(dir -> Files.isExecutable(Path.of(dir, "nvidia-smi")));
    }

    private <T> T service(Class<T> type, String filter) throws Exception {
        AtomicReference<T> found = new AtomicReference<>();
        waitUntil("a " + type.getSimpleName() + " service" + (filter == null ? "" : " " + filter), BOUND, () -> {
            Collection<ServiceReference<T>> references = bundleContext.getServiceReferences(type, filter);
            if (references.isEmpty()) {
                return false;
            }
            found.set(bundleContext.getService(references.iterator().next()));
            return found.get() != null;
        });
        return found.get();
    }
}
