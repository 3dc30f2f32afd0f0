package network.internet2.hypermesh.memory.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.memory.MemoryAccess;

/**
 * Off-heap memory regions, one per allocation id, none of it on the Java heap
 * or in direct buffers (the node runs with a small heap and a small direct
 * memory limit).
 *
 * <p>A region is a file in a private folder ({@code internet2-memory-<random>},
 * mode 0700) of a tmpfs, {@code /dev/shm} by default: the file is sized with
 * {@link RandomAccessFile#setLength}, filled with zeros through its channel so
 * that every page is really committed now (a full tmpfs fails the allocation
 * with an error instead of killing the JVM with SIGBUS on a later write), and
 * mapped with {@link FileChannel#map} read-write in chunks of at most 1 GiB,
 * so a region may exceed 2 GiB. The file is then deleted; the open channel and
 * the mappings keep the memory.
 *
 * <p>Release uses only supported API: the region is taken out of the map, its
 * buffers are dropped, and its channel is truncated to zero and closed.
 * Truncating the (already deleted) file gives its pages back to the tmpfs at
 * once, instead of whenever the garbage collector gets round to unmapping the
 * dropped buffers (which with a small heap may be long); the address range
 * itself is unmapped by the buffers' cleaners later. Touching the truncated
 * mapping would fault, so no access can reach it: every access holds the
 * region's read lock and checks that the region is live, and release holds the
 * write lock. No {@code sun.misc.Unsafe} or {@code invokeCleaner} is used.
 *
 * <p>Compare-and-swap is atomic through a {@link VarHandle} view of the
 * mapped buffer ({@link MethodHandles#byteBufferViewVarHandle}, big-endian
 * longs), a real CPU compare-and-swap on the shared memory, so it is also
 * atomic against any other process mapping the same pages. The per-region
 * lock is only a read/write lock between accesses and release.
 */
final class MemoryRegions implements AutoCloseable {

    /** Largest chunk mapped at once. */
    static final long DEFAULT_CHUNK_SIZE = 1L << 30;
    /** The tmpfs used when no backing directory is configured. */
    static final Path SHARED_MEMORY = Path.of("/dev/shm");

    private static final Logger LOG = LoggerFactory.getLogger(MemoryRegions.class);
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int ZERO_BLOCK = 256 * 1024;
    private static final ByteBuffer ZEROS = ByteBuffer.allocate(ZERO_BLOCK).asReadOnlyBuffer();

    private final Path directory;
    private final long chunkSize;
    private final int maxTransfer;
    private final Map<String, Region> regions = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLong used = new AtomicLong();
    private volatile boolean closed;

    /**
     * Creates the private folder {@code internet2-memory-<random>} inside {@code base}.
     *
     * @param base        a tmpfs folder (or any writable folder)
     * @param chunkSize   the largest mapping, a positive multiple of 4096 up to 1 GiB
     * @param maxTransfer the most bytes one read or write may move
     */
    MemoryRegions(Path base, long chunkSize, int maxTransfer) throws IOException {
        if (chunkSize <= 0 || chunkSize > DEFAULT_CHUNK_SIZE || chunkSize % 4096 != 0) {
            throw new IllegalArgumentException("chunk size must be a positive multiple of 4096 up to "
                    + DEFAULT_CHUNK_SIZE + ", got " + chunkSize);
        }
        if (maxTransfer <= 0) {
            throw new IllegalArgumentException("maximum transfer must be positive, got " + maxTransfer);
        }
        this.chunkSize = chunkSize;
        this.maxTransfer = maxTransfer;
        Files.createDirectories(base);
        Path created = Files.createTempDirectory(base, "internet2-memory-");
        try {
            Files.setPosixFilePermissions(created, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.debug("{} has no POSIX permissions", created);
        }
        this.directory = created;
        LOG.info("Memory regions are backed by {}", created);
    }

    /** Regions in {@code base} with 1 GiB chunks and {@link MemoryAccess#MAX_TRANSFER}. */
    MemoryRegions(Path base) throws IOException {
        this(base, DEFAULT_CHUNK_SIZE, MemoryAccess.MAX_TRANSFER);
    }

    /**
     * @param configured the configured backing folder; empty or {@code null} for the default
     * @param shm        the tmpfs to use by default ({@link #SHARED_MEMORY})
     * @return the configured folder, else {@code shm} if it is a writable folder,
     *         else {@code java.io.tmpdir} (with a warning: it may be on disk)
     */
    static Path backingBase(String configured, Path shm) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        LOG.warn("{} is absent or not writable: memory regions are backed by files in {}, which may be on disk",
                shm, temporary);
        return temporary;
    }

    /** @return the private folder the region files are created in */
    Path directory() {
        return directory;
    }

    /** @return the largest mapping of a region */
    long chunkSize() {
        return chunkSize;
    }

    /** @return the bytes of every live region together */
    long used() {
        return used.get();
    }

    /** @return how many regions are live */
    int count() {
        return regions.size();
    }

    /** @return whether a region has this id */
    boolean contains(String id) {
        return id != null && regions.containsKey(id);
    }

    /**
     * Creates a zeroed region of {@code bytes} bytes for {@code id}.
     *
     * @throws AssetException if the id is taken, the size is not positive, or the
     *         memory cannot be obtained; nothing stays reserved then
     */
    void allocate(String id, long bytes) throws AssetException {
        if (id == null || id.isBlank()) {
            throw new AssetException("a memory region needs a non-empty allocation id");
        }
        if (bytes <= 0) {
            throw new AssetException("memory region '" + id + "' must have a positive size, got " + bytes);
        }
        if (closed) {
            throw new AssetException("memory regions are closed; cannot allocate '" + id + "'");
        }
        if (regions.containsKey(id) || !pending.add(id)) {
            throw new AssetException("memory region '" + id + "' already exists");
        }
        try {
            if (regions.containsKey(id)) {
                throw new AssetException("memory region '" + id + "' already exists");
            }
            Region region = map(id, bytes);
            used.addAndGet(bytes);
            regions.put(id, region);
            if (closed) { // closed while mapping: do not leak it
                release(id);
                throw new AssetException("memory regions are closed; cannot allocate '" + id + "'");
            }
        } finally {
            pending.remove(id);
        }
    }

    private Region map(String id, long bytes) throws AssetException {
        Path file = null;
        FileChannel channel = null;
        try {
            file = Files.createTempFile(directory, "region-", ".mem");
            @SuppressWarnings("resource") // closed through its channel
            RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw");
            channel = access.getChannel();
            access.setLength(bytes);
            commit(channel, bytes);
            int count = Math.toIntExact((bytes + chunkSize - 1) / chunkSize);
            MappedByteBuffer[] chunks = new MappedByteBuffer[count];
            for (int i = 0; i < count; i++) {
                long position = i * chunkSize;
                chunks[i] = channel.map(FileChannel.MapMode.READ_WRITE, position, Math.min(chunkSize, bytes - position));
            }
            Path kept = file;
            try {
                Files.delete(file);
                kept = null;
            } catch (IOException notDeletable) {
                LOG.debug("Region file {} stays until release: {}", file, notDeletable.toString());
            }
            return new Region(id, bytes, chunks, channel, kept);
        } catch (IOException | RuntimeException | OutOfMemoryError failed) {
            discard(channel, file);
            throw new AssetException("cannot allocate " + bytes + " bytes of memory for '" + id + "' in "
                    + directory + ": " + failed, failed);
        }
    }

    /** Writes zeros over the whole file so every page is committed now. */
    private static void commit(FileChannel channel, long bytes) throws IOException {
        long position = 0;
        while (position < bytes) {
            ByteBuffer zeros = ZEROS.duplicate();
            zeros.limit((int) Math.min(ZERO_BLOCK, bytes - position));
            while (zeros.hasRemaining()) {
                position += channel.write(zeros, position);
            }
        }
    }

    private static void discard(FileChannel channel, Path file) {
        if (channel != null) {
            try {
                channel.truncate(0);
            } catch (IOException | RuntimeException ignored) {
                // closing below is what matters
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException notDeleted) {
                LOG.warn("Cannot delete region file {}: {}", file, notDeleted.toString());
            }
        }
    }

    /**
     * Releases a region: its id becomes unknown and its memory goes back to the tmpfs.
     *
     * @return whether a region had this id
     */
    boolean release(String id) {
        Region region = id == null ? null : regions.remove(id);
        if (region == null) {
            return false;
        }
        region.lock.writeLock().lock();
        try {
            region.released = true;
            java.util.Arrays.fill(region.chunks, null);
            discard(region.channel, region.file);
        } finally {
            region.lock.writeLock().unlock();
        }
        used.addAndGet(-region.size);
        LOG.debug("Released memory region '{}' of {} bytes", id, region.size);
        return true;
    }

    /** @return the size of the region in bytes */
    long size(String id) throws AssetException {
        return region(id).size;
    }

    /** Copies {@code length} bytes at {@code offset} out of the region. */
    byte[] read(String id, long offset, int length) throws AssetException {
        checkTransfer(length, "read");
        Region region = region(id);
        region.lock.readLock().lock();
        try {
            live(region);
            checkRange(region, offset, length);
            byte[] bytes = new byte[length];
            int done = 0;
            while (done < length) {
                long position = offset + done;
                MappedByteBuffer chunk = region.chunks[(int) (position / chunkSize)];
                int within = (int) (position % chunkSize);
                int n = Math.min(length - done, chunk.capacity() - within);
                chunk.get(within, bytes, done, n);
                done += n;
            }
            return bytes;
        } finally {
            region.lock.readLock().unlock();
        }
    }

    /** Copies {@code data} into the region at {@code offset}. */
    void write(String id, long offset, byte[] data) throws AssetException {
        if (data == null) {
            throw new IllegalArgumentException("no data to write");
        }
        checkTransfer(data.length, "write");
        Region region = region(id);
        region.lock.readLock().lock();
        try {
            live(region);
            checkRange(region, offset, data.length);
            int done = 0;
            while (done < data.length) {
                long position = offset + done;
                MappedByteBuffer chunk = region.chunks[(int) (position / chunkSize)];
                int within = (int) (position % chunkSize);
                int n = Math.min(data.length - done, chunk.capacity() - within);
                chunk.put(within, data, done, n);
                done += n;
            }
        } finally {
            region.lock.readLock().unlock();
        }
    }

    /** Atomically replaces the big-endian long at {@code offset} if it equals {@code expected}. */
    boolean compareAndSwapLong(String id, long offset, long expected, long replacement) throws AssetException {
        Region region = region(id);
        region.lock.readLock().lock();
        try {
            live(region);
            checkLong(region, offset);
            return (boolean) LONGS.compareAndSet(region.chunks[(int) (offset / chunkSize)],
                    (int) (offset % chunkSize), expected, replacement);
        } finally {
            region.lock.readLock().unlock();
        }
    }

    /** @return the big-endian long at {@code offset}, read with volatile semantics */
    long readLong(String id, long offset) throws AssetException {
        Region region = region(id);
        region.lock.readLock().lock();
        try {
            live(region);
            checkLong(region, offset);
            return (long) LONGS.getVolatile(region.chunks[(int) (offset / chunkSize)], (int) (offset % chunkSize));
        } finally {
            region.lock.readLock().unlock();
        }
    }

    /** Releases every region and removes the private folder. */
    @Override
    public void close() {
        closed = true;
        List<String> ids = List.copyOf(regions.keySet());
        ids.forEach(this::release);
        try (Stream<Path> leftovers = Files.list(directory)) {
            for (Path leftover : (Iterable<Path>) leftovers::iterator) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException | RuntimeException notListed) {
            LOG.debug("Cannot clean {}: {}", directory, notListed.toString());
        }
        try {
            Files.deleteIfExists(directory);
        } catch (IOException notDeleted) {
            LOG.warn("Cannot delete {}: {}", directory, notDeleted.toString());
        }
        if (!ids.isEmpty()) {
            LOG.info("Released {} memory regions", ids.size());
        }
    }

    private Region region(String id) throws AssetException {
        Region region = id == null ? null : regions.get(id);
        if (region == null) {
            throw new AssetException("no memory region '" + id + "'");
        }
        return region;
    }

    private static void live(Region region) throws AssetException {
        if (region.released) {
            throw new AssetException("no memory region '" + region.id + "' (released)");
        }
    }

    private void checkTransfer(int length, String what) {
        if (length < 0) {
            throw new IllegalArgumentException("cannot " + what + " a negative number of bytes: " + length);
        }
        if (length > maxTransfer) {
            throw new IllegalArgumentException("cannot " + what + " " + length + " bytes at once: at most "
                    + maxTransfer + " per call");
        }
    }

    private static void checkRange(Region region, long offset, int length) {
        if (offset < 0 || offset > region.size || length > region.size - offset) {
            throw new IllegalArgumentException("range [" + offset + ", " + offset + " + " + length
                    + ") is outside memory region '" + region.id + "' of " + region.size + " bytes");
        }
    }

    private static void checkLong(Region region, long offset) {
        if (offset % Long.BYTES != 0) {
            throw new IllegalArgumentException("offset " + offset + " of a long in memory region '" + region.id
                    + "' must be a multiple of 8");
        }
        checkRange(region, offset, Long.BYTES);
    }

    /** One region; {@link #released} and the chunks are guarded by {@link #lock}. */
    private static final class Region {

        final String id;
        final long size;
        final MappedByteBuffer[] chunks;
        final FileChannel channel;
        /** The file while it could not be deleted, else {@code null}. */
        final Path file;
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        boolean released;

        Region(String id, long size, MappedByteBuffer[] chunks, FileChannel channel, Path file) {
            this.id = id;
            this.size = size;
            this.chunks = chunks;
            this.channel = channel;
            this.file = file;
        }
    }
}
