package network.internet2.hypermesh.gpu.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.Capacity;
import network.internet2.hypermesh.gpu.GpuAccess;
import network.internet2.hypermesh.gpu.GpuDevice;

/**
 * GPUs as an asset: the NVIDIA GPUs {@link GpuDiscovery} finds at activation
 * (and again when the configuration changes), each allocation holding whole
 * GPUs of its own ({@link DeviceAssignments}). A machine without one offers
 * zero devices and reports itself unhealthy, naming what it checked.
 */
@Component(service = {AssetAdapter.class, GpuAccess.class},
        property = AssetAdapter.KIND_PROPERTY + "=" + GpuAssetAdapter.KIND,
        configurationPid = GpuAssetAdapter.PID)
@Designate(ocd = GpuAssetAdapter.Config.class)
public class GpuAssetAdapter implements AssetAdapter, GpuAccess {

    static final String PID = "network.internet2.hypermesh.asset.gpu";
    static final String KIND = "gpu";
    static final String UNIT = "devices";

    /** The GPU adapter's settings (PID {@value #PID}). */
    @ObjectClassDefinition(name = "Internet 2.0 HyperMesh GPU asset",
            description = "NVIDIA GPUs offered as an asset, whole devices; discovered from the driver files "
                    + "and nvidia-smi.")
    @interface Config {
        @AttributeDefinition(description = "The NVIDIA driver's folder of GPUs, one sub-folder with an "
                + "'information' file per GPU")
        String driver_directory() default "/proc/driver/nvidia/gpus";

        @AttributeDefinition(description = "Where the GPU device nodes nvidia0, nvidia1... are")
        String device_directory() default "/dev";

        @AttributeDefinition(description = "The nvidia-smi executable: a name looked up on PATH, or a path")
        String nvidia_smi() default "nvidia-smi";

        @AttributeDefinition(description = "How long nvidia-smi may take to answer, in seconds; it is killed "
                + "after that", min = "1")
        long discovery_timeout_seconds() default 5;
    }

    private static final Logger LOG = LoggerFactory.getLogger(GpuAssetAdapter.class);

    private final DeviceAssignments assignments = new DeviceAssignments();
    private volatile GpuInventory inventory;

    @Activate
    public GpuAssetAdapter(Config config) {
        this(discovery(config, System.getenv("PATH")).discover());
    }

    /** For tests: the adapter over what a discovery found. */
    GpuAssetAdapter(GpuInventory inventory) {
        this.inventory = inventory;
        logOffer();
    }

    @Modified
    void modified(Config config) {
        rediscovered(discovery(config, System.getenv("PATH")).discover());
    }

    /** Offers what a new discovery found; allocations keep the GPUs they hold. */
    void rediscovered(GpuInventory found) {
        inventory = found;
        logOffer();
        List<GpuDevice> missing = assignments.missingFrom(found.devices());
        if (!missing.isEmpty()) {
            LOG.warn("GPU allocations hold {} that the new discovery did not find; release those allocations "
                    + "or restore the GPUs", missing);
        }
    }

    static GpuDiscovery discovery(Config config, String searchPath) {
        if (config.discovery_timeout_seconds() <= 0) {
            throw new IllegalArgumentException("discovery.timeout.seconds must be positive, got "
                    + config.discovery_timeout_seconds());
        }
        return new GpuDiscovery(
                new DriverFiles(Path.of(config.driver_directory()), Path.of(config.device_directory())),
                new NvidiaSmi(config.nvidia_smi(), searchPath, Duration.ofSeconds(config.discovery_timeout_seconds())));
    }

    private void logOffer() {
        GpuInventory found = inventory;
        if (found.size() == 0) {
            LOG.info("GPU asset offers no devices: {}", noGpu(found));
        } else {
            LOG.info("GPU asset offers {} devices: {}", found.size(), describe(found.devices()));
        }
    }

    @Deactivate
    void deactivate() {
        assignments.close();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Capacity capacity() {
        return new Capacity(inventory.size(), UNIT);
    }

    @Override
    public void allocate(String allocationId, long amount) throws AssetException {
        assignments.assign(allocationId, amount, inventory.devices());
    }

    @Override
    public boolean holds(String allocationId) {
        return assignments.contains(allocationId);
    }

    @Override
    public void release(String allocationId) {
        assignments.release(allocationId);
    }

    @Override
    public long usage() {
        return assignments.used();
    }

    @Override
    public Health health() {
        GpuInventory found = inventory;
        String ignored = found.problems().isEmpty() ? "" : "; ignored: " + String.join("; ", found.problems());
        if (found.size() == 0) {
            return new Health(false, noGpu(found) + ignored);
        }
        List<GpuDevice> missing = assignments.missingFrom(found.devices());
        return new Health(true, "offers " + found.size() + " NVIDIA GPUs (" + describe(found.devices()) + "); "
                + assignments.count() + " allocations hold " + assignments.used() + " of them"
                + (missing.isEmpty() ? "" : ", " + missing.size() + " no longer discovered") + ignored);
    }

    @Override
    public List<GpuDevice> devices(String allocationId) throws AssetException {
        return assignments.devices(allocationId);
    }

    @Override
    public List<GpuDevice> inventory() {
        return inventory.devices();
    }

    private static String noGpu(GpuInventory found) {
        return "no NVIDIA GPU found (checked " + found.checkedSummary() + ")";
    }

    private static String describe(List<GpuDevice> devices) {
        return devices.stream().map(device -> device.index() + ": " + device.name() + " " + device.uuid()
                + (device.memoryMiB() == GpuDevice.UNKNOWN_MEMORY ? "" : " " + device.memoryMiB() + " MiB")
                + (device.busId().isEmpty() ? "" : " at " + device.busId()))
                .collect(Collectors.joining(", "));
    }
}
