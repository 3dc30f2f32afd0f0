package network.internet2.hypermesh.memory.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.memory.MemoryAccess;

/**
 * Memory as an asset: each allocation is a real off-heap region of
 * {@link MemoryRegions}, offered up to what {@link MemoryCapacity} finds, and
 * readable and writable through {@link MemoryAccess}. Deactivation releases
 * every region.
 */
@Component(service = {AssetAdapter.class, MemoryAccess.class},
        property = AssetAdapter.KIND_PROPERTY + "=" + MemoryAssetAdapter.KIND,
        configurationPid = MemoryAssetAdapter.PID)
@Designate(ocd = MemoryAssetAdapter.Config.class)
public class MemoryAssetAdapter implements AssetAdapter, MemoryAccess {

    static final String PID = "network.internet2.hypermesh.asset.memory";
    static final String KIND = "memory";
    static final String UNIT = "bytes";

    /** The memory adapter's settings (PID {@value #PID}). */
    @ObjectClassDefinition(name = "Internet 2.0 HyperMesh memory asset",
            description = "Memory offered as an asset: off-heap regions in a tmpfs, one per allocation.")
    @interface Config {
        @AttributeDefinition(description = "The most memory offered, in bytes", min = "0")
        long max_bytes() default 1L << 30;

        @AttributeDefinition(description = "The share of the machine's physical memory offered at most, "
                + "between 0 and 1", min = "0", max = "1")
        double physical_fraction() default 0.25;

        @AttributeDefinition(description = "The tmpfs folder the regions live in; empty means /dev/shm "
                + "(or java.io.tmpdir, with a warning, where /dev/shm is absent). Changes take effect "
                + "when the component restarts.")
        String backing_directory() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(MemoryAssetAdapter.class);

    private final MemoryRegions regions;
    private volatile MemoryCapacity capacity;

    @Activate
    public MemoryAssetAdapter(Config config) throws IOException {
        this(MemoryRegions.backingBase(config.backing_directory(), MemoryRegions.SHARED_MEMORY), config);
    }

    private MemoryAssetAdapter(Path base, Config config) throws IOException {
        this(new MemoryRegions(base), config.max_bytes(), config.physical_fraction());
    }

    /** For tests and the activator: the adapter over {@code regions}, which it then owns. */
    MemoryAssetAdapter(MemoryRegions regions, long maxBytes, double fraction) {
        this(regions, new MemoryCapacity(maxBytes, fraction, regions.directory(), regions::used));
    }

    /** As above, with the capacity given. */
    MemoryAssetAdapter(MemoryRegions regions, MemoryCapacity capacity) {
        this.regions = regions;
        this.capacity = capacity;
        MemoryCapacity.Figures figures = capacity.figures();
        LOG.info("Memory asset offers {} bytes (max {}, {} of {} physical, {} free in {})", figures.offered(),
                figures.maxBytes(), figures.fraction(), figures.physicalTotal(), figures.backingFree(),
                regions.directory());
    }

    @Modified
    void modified(Config config) {
        capacity = new MemoryCapacity(config.max_bytes(), config.physical_fraction(), regions.directory(),
                regions::used);
        LOG.info("Memory asset now offers {} bytes", capacity.total());
    }

    @Deactivate
    void deactivate() {
        regions.close();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Capacity capacity() {
        return new Capacity(capacity.total(), UNIT);
    }

    @Override
    public void allocate(String allocationId, long amount) throws AssetException {
        if (amount <= 0) {
            throw new AssetException("memory allocation '" + allocationId + "' must be positive, got " + amount);
        }
        long available = Math.max(0, capacity.total() - regions.used());
        if (amount > available) {
            throw new InsufficientCapacityException(KIND, amount, available);
        }
        regions.allocate(allocationId, amount);
    }

    @Override
    public boolean holds(String allocationId) {
        return regions.contains(allocationId);
    }

    @Override
    public void release(String allocationId) {
        regions.release(allocationId);
    }

    @Override
    public long usage() {
        return regions.used();
    }

    @Override
    public Health health() {
        Path directory = regions.directory();
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            return new Health(false, "backing folder " + directory + " is missing or not writable");
        }
        MemoryCapacity.Figures figures = capacity.figures();
        if (figures.physicalTotal() < 0) {
            return new Health(false, "cannot discover the machine's physical memory; offering nothing");
        }
        if (figures.backingFree() < 0) {
            return new Health(false, "cannot read the free space of " + directory + "; offering nothing");
        }
        String detail = "offers " + figures.offered() + " bytes (max " + figures.maxBytes() + ", "
                + figures.fraction() + " of " + figures.physicalTotal() + " physical, " + figures.physicalFree()
                + " free; " + figures.backingFree() + " free in " + directory + "); " + regions.count()
                + " regions hold " + figures.used() + " bytes";
        if (figures.offered() == 0) {
            return new Health(false, detail);
        }
        return new Health(true, detail);
    }

    @Override
    public long size(String allocationId) throws AssetException {
        return regions.size(allocationId);
    }

    @Override
    public byte[] read(String allocationId, long offset, int length) throws AssetException {
        return regions.read(allocationId, offset, length);
    }

    @Override
    public void write(String allocationId, long offset, byte[] data) throws AssetException {
        regions.write(allocationId, offset, data);
    }

    @Override
    public boolean compareAndSwapLong(String allocationId, long offset, long expected, long replacement)
            throws AssetException {
        return regions.compareAndSwapLong(allocationId, offset, expected, replacement);
    }
}
