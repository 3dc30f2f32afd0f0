package network.internet2.hypermesh.storage.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
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
import network.internet2.hypermesh.storage.StorageAccess;

/**
 * Storage as an asset: each allocation is a preallocated file of
 * {@link StorageFiles}, offered up to what {@link StorageCapacity} finds, and
 * readable and writable by block or byte range through {@link StorageAccess}.
 *
 * <p>Unlike memory, storage survives restarts: deactivation closes the files
 * but keeps them, and after a restart the registry's re-reservation of an
 * allocation ({@link #allocate} with the same id and amount) reuses the file
 * with its contents. {@link #release} deletes the file.
 */
@Component(service = {AssetAdapter.class, StorageAccess.class},
        property = AssetAdapter.KIND_PROPERTY + "=" + StorageAssetAdapter.KIND,
        configurationPid = StorageAssetAdapter.PID)
@Designate(ocd = StorageAssetAdapter.Config.class)
public class StorageAssetAdapter implements AssetAdapter, StorageAccess {

    static final String PID = "network.internet2.hypermesh.asset.storage";
    static final String KIND = "storage";
    static final String UNIT = "bytes";
    /** Where the files live under {@code karaf.data} unless configured otherwise. */
    static final String DEFAULT_SUBDIRECTORY = "internet2/assets/storage";

    /** The storage adapter's settings (PID {@value #PID}). */
    @ObjectClassDefinition(name = "Internet 2.0 HyperMesh storage asset",
            description = "Storage offered as an asset: one preallocated file per allocation.")
    @interface Config {
        @AttributeDefinition(description = "The most storage offered, in bytes", min = "0")
        long max_bytes() default 10L << 30;

        @AttributeDefinition(description = "The share offered at most of the storage folder's usable disk space "
                + "plus what the allocations' files already hold, between 0 and 1", min = "0", max = "1")
        double usable_fraction() default 0.5;

        @AttributeDefinition(description = "The folder of the storage files; empty means "
                + "${karaf.data}/internet2/assets/storage. Changes take effect when the component restarts; "
                + "files in the old folder are not moved.")
        String directory() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(StorageAssetAdapter.class);

    private final StorageFiles files;
    private volatile StorageCapacity capacity;

    @Activate
    public StorageAssetAdapter(BundleContext context, Config config) throws IOException {
        this(new StorageFiles(directory(config.directory(), context.getProperty("karaf.data"))), config.max_bytes(),
                config.usable_fraction());
    }

    /** For tests and the activator: the adapter over {@code files}, which it then owns. */
    StorageAssetAdapter(StorageFiles files, long maxBytes, double fraction) {
        this(files, new StorageCapacity(maxBytes, fraction, files::usable, files::held));
    }

    /** As above, with the capacity given. */
    StorageAssetAdapter(StorageFiles files, StorageCapacity capacity) {
        this.files = files;
        this.capacity = capacity;
        StorageCapacity.Figures figures = capacity.figures();
        LOG.info("Storage asset offers {} bytes (max {}, {} of {} usable plus {} held in {})", figures.offered(),
                figures.maxBytes(), figures.fraction(), figures.usable(), figures.held(), files.directory());
    }

    /**
     * @param configured the configured folder; empty or {@code null} for the default
     * @param karafData  the {@code karaf.data} property, or {@code null} if unset
     * @return the configured folder, else {@code karaf.data/internet2/assets/storage},
     *         else (with a warning) {@code data/internet2/assets/storage} in the working folder
     */
    static Path directory(String configured, String karafData) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        if (karafData != null && !karafData.isBlank()) {
            return Path.of(karafData.strip()).resolve(DEFAULT_SUBDIRECTORY);
        }
        Path fallback = Path.of("data").toAbsolutePath().resolve(DEFAULT_SUBDIRECTORY);
        LOG.warn("karaf.data is not set: storage files live in {}", fallback);
        return fallback;
    }

    @Modified
    void modified(Config config) {
        capacity = new StorageCapacity(config.max_bytes(), config.usable_fraction(), files::usable,
                files::held);
        LOG.info("Storage asset now offers {} bytes", capacity.total());
    }

    @Deactivate
    void deactivate() {
        files.close();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Capacity capacity() {
        return new Capacity(capacity.total(), UNIT);
    }

    /**
     * Reserves the allocation's file, or reuses it when a file of this id and
     * size survives from before a restart.
     */
    @Override
    public synchronized void allocate(String allocationId, long amount) throws AssetException {
        if (amount <= 0) {
            throw new AssetException("storage allocation '" + allocationId + "' must be positive, got " + amount);
        }
        if (amount > Long.MAX_VALUE - StorageFiles.BLOCK_SIZE) {
            throw new InsufficientCapacityException(KIND, amount, available());
        }
        long quota = StorageFiles.quota(amount);
        long available = available();
        if (quota > available) {
            throw new InsufficientCapacityException(KIND, quota, available);
        }
        if (files.allocate(allocationId, amount)) {
            LOG.info("Storage allocation '{}' of {} bytes reuses its file from before", allocationId, quota);
        }
    }

    private long available() {
        return Math.max(0, capacity.total() - files.used());
    }

    @Override
    public boolean holds(String allocationId) {
        return files.contains(allocationId);
    }

    @Override
    public void release(String allocationId) {
        files.release(allocationId);
    }

    @Override
    public long usage() {
        return files.used();
    }

    @Override
    public Health health() {
        Path directory = files.directory();
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            return new Health(false, "storage folder " + directory + " is missing or not writable");
        }
        StorageCapacity.Figures figures = capacity.figures();
        if (figures.usable() < 0) {
            return new Health(false, "cannot read the usable space of " + directory + "; offering nothing");
        }
        String detail = "offers " + figures.offered() + " bytes (max " + figures.maxBytes() + ", "
                + figures.fraction() + " of " + figures.usable() + " usable plus " + figures.held()
                + " held in " + directory + "); " + files.count() + " allocations hold " + files.used()
                + " bytes";
        if (figures.offered() == 0) {
            return new Health(false, detail);
        }
        return new Health(true, detail);
    }

    @Override
    public int blockSize() {
        return StorageFiles.BLOCK_SIZE;
    }

    @Override
    public long size(String allocationId) throws AssetException {
        return files.size(allocationId);
    }

    @Override
    public byte[] readBlock(String allocationId, long blockIndex) throws AssetException {
        return files.readBlock(allocationId, blockIndex);
    }

    @Override
    public void writeBlock(String allocationId, long blockIndex, byte[] block) throws AssetException {
        files.writeBlock(allocationId, blockIndex, block);
    }

    @Override
    public byte[] read(String allocationId, long offset, int length) throws AssetException {
        return files.read(allocationId, offset, length);
    }

    @Override
    public void write(String allocationId, long offset, byte[] data) throws AssetException {
        files.write(allocationId, offset, data);
    }

    @Override
    public void flush(String allocationId) throws AssetException {
        files.flush(allocationId);
    }
}
