package network.internet2.hypermesh.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.storage.StorageAccess;

/**
 * Storage files, one preallocated file per allocation id in one directory.
 *
 * <p><b>Layout.</b> The directory (mode 0700 where POSIX permissions exist)
 * holds one file per allocation (mode 0600), named {@code a-<id>.storage} for
 * ids of letters, digits, {@code -} and {@code _}, else {@code h-<hex of the
 * UTF-8 id>.storage}, so any id maps to exactly one name and back. A file's
 * size is the allocation's quota: the allocated amount rounded up to whole
 * blocks.
 *
 * <p><b>Reservation.</b> A new file is first written in full with zeros under
 * a temporary name ({@code .tmp}), forced to disk, and only then renamed to its
 * final name. Writing every byte reserves the space for real (a sparse file of
 * {@code setLength} would not), so a full disk fails the allocation with an
 * {@link AssetException} instead of failing a later write; before writing, the
 * file store's usable space is checked too. A file under its final name is
 * therefore always completely reserved; leftover {@code .tmp} files of an
 * interrupted allocation are deleted at start.
 *
 * <p><b>Restarts.</b> Unlike memory, storage survives restarts: {@link #close()}
 * closes the files but keeps them, and the files of allocations unknown at
 * start are kept as well (they are {@link #leftover() leftovers}). The
 * registry re-reserves its allocations after a restart; {@link #allocate} of an
 * id whose file exists with exactly the quota's size reuses that file with its
 * contents. A file of another size is never touched and fails the allocation.
 * Releasing an id deletes its file, whether the allocation was reserved since
 * the start or is still a leftover.
 *
 * <p><b>Access.</b> Reads and writes are positional {@link FileChannel} calls
 * in pieces of at most {@value #IO_PIECE} bytes (so the JDK's temporary
 * direct buffers stay small); each access holds the file's read lock and
 * checks the file is live, release holds the write lock.
 */
final class StorageFiles implements AutoCloseable {

    /** Size of a block, and the granularity of quotas. */
    static final int BLOCK_SIZE = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(StorageFiles.class);
    private static final String SUFFIX = ".storage";
    private static final String TEMPORARY = ".tmp";
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_-]{1,120}");
    private static final int MAX_ID_BYTES = 100;
    private static final int IO_PIECE = 256 * 1024;
    private static final ByteBuffer ZEROS = ByteBuffer.allocate(IO_PIECE).asReadOnlyBuffer();
    /** Tries a channel may make no progress before an I/O is given up. */
    private static final int MAX_STALLS = 1000;

    private final Path directory;
    private final int maxTransfer;
    private final LongSupplier usableSpace;
    private final boolean posix;
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** Sizes of files of allocations not (yet) reserved since the start. */
    private final Map<String, Long> leftovers = new ConcurrentHashMap<>();
    private final AtomicLong used = new AtomicLong();
    private volatile boolean closed;

    /**
     * Opens (and creates if needed) the storage directory.
     *
     * @param directory   the folder of the storage files
     * @param maxTransfer the most bytes one read or write may move
     * @param usableSpace the usable bytes of the directory's file store, or -1 if unknown;
     *                    {@code null} to ask the file store
     */
    StorageFiles(Path directory, int maxTransfer, LongSupplier usableSpace) throws IOException {
        if (maxTransfer <= 0) {
            throw new IllegalArgumentException("maximum transfer must be positive, got " + maxTransfer);
        }
        this.directory = directory;
        this.maxTransfer = maxTransfer;
        this.usableSpace = usableSpace != null ? usableSpace : () -> usableSpace(directory);
        Files.createDirectories(directory);
        this.posix = Files.getFileStore(directory).supportsFileAttributeView("posix");
        if (posix) {
            try {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            } catch (IOException | SecurityException notOwner) {
                LOG.warn("Cannot restrict {} to its owner: {}", directory, notOwner.toString());
            }
        }
        scan();
        LOG.info("Storage files live in {} ({} files of earlier allocations kept, {} bytes)", directory,
                leftovers.size(), leftoverBytes());
    }

    /** Files in {@code directory} with {@link StorageAccess#MAX_TRANSFER}, asking the file store for space. */
    StorageFiles(Path directory) throws IOException {
        this(directory, StorageAccess.MAX_TRANSFER, null);
    }

    /** Records the files of earlier allocations and deletes unfinished ones. */
    private void scan() throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path file : (Iterable<Path>) listing::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX + TEMPORARY)) {
                    LOG.info("Deleting {} of an interrupted allocation", file);
                    Files.deleteIfExists(file);
                    continue;
                }
                String id = idOf(name);
                if (id != null && Files.isRegularFile(file)) {
                    leftovers.put(id, Files.size(file));
                }
            }
        }
    }

    /** @return the usable bytes of the file store of {@code path}, or -1 if unknown */
    static long usableSpace(Path path) {
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (IOException | RuntimeException unknown) {
            LOG.debug("Cannot read the usable space of {}: {}", path, unknown.toString());
            return -1;
        }
    }

    /** @return {@code bytes} rounded up to whole blocks */
    static long quota(long bytes) {
        if (bytes <= 0 || bytes > Long.MAX_VALUE - (BLOCK_SIZE - 1)) {
            throw new IllegalArgumentException("no quota for " + bytes + " bytes");
        }
        return (bytes + BLOCK_SIZE - 1) / BLOCK_SIZE * BLOCK_SIZE;
    }

    /** @return the file name of an allocation id, or {@code null} if the id cannot be stored */
    static String fileName(String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        if (PLAIN_ID.matcher(id).matches()) {
            return "a-" + id + SUFFIX;
        }
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        return utf8.length > MAX_ID_BYTES ? null : "h-" + HexFormat.of().formatHex(utf8) + SUFFIX;
    }

    /** @return the allocation id of a file name, or {@code null} if it is not a storage file's */
    static String idOf(String name) {
        if (!name.endsWith(SUFFIX) || name.length() <= 2 + SUFFIX.length()) {
            return null;
        }
        String body = name.substring(2, name.length() - SUFFIX.length());
        if (name.startsWith("a-") && PLAIN_ID.matcher(body).matches()) {
            return body;
        }
        if (name.startsWith("h-") && body.length() % 2 == 0) {
            try {
                String id = new String(HexFormat.of().parseHex(body), StandardCharsets.UTF_8);
                return name.equals(fileName(id)) ? id : null;
            } catch (IllegalArgumentException notHex) {
                return null;
            }
        }
        return null;
    }

    /** @return the folder of the storage files */
    Path directory() {
        return directory;
    }

    /** @return the usable bytes of the directory's file store, or -1 if unknown */
    long usable() {
        return usableSpace.getAsLong();
    }

    /** @return the quotas of every reserved allocation together */
    long used() {
        return used.get();
    }

    /** @return the bytes of the kept files of allocations not reserved since the start */
    long leftoverBytes() {
        return leftovers.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return what our files hold on disk: reserved allocations and leftovers */
    long held() {
        return used() + leftoverBytes();
    }

    /** @return the ids of kept files not reserved since the start */
    Set<String> leftover() {
        return Set.copyOf(leftovers.keySet());
    }

    /** @return how many allocations are reserved */
    int count() {
        return files.size();
    }

    /** @return whether an allocation with this id is reserved */
    boolean contains(String id) {
        return id != null && files.containsKey(id);
    }

    /** @return the path of the file of {@code id} */
    Path path(String id) throws AssetException {
        String name = fileName(id);
        if (name == null) {
            throw new AssetException("cannot store allocation id '" + id + "': it must be non-empty and at most "
                    + MAX_ID_BYTES + " bytes of UTF-8");
        }
        return directory.resolve(name);
    }

    /**
     * Reserves a file of {@code bytes} rounded up to whole blocks for {@code id},
     * or reuses the existing file of {@code id} if it has exactly that size.
     *
     * @return whether an existing file was reused
     * @throws AssetException if the id is taken or cannot be stored, the size is not
     *         positive, an existing file has another size, or the space cannot be
     *         obtained; nothing stays reserved then
     */
    boolean allocate(String id, long bytes) throws AssetException {
        Path file = path(id);
        if (bytes <= 0 || bytes > Long.MAX_VALUE - (BLOCK_SIZE - 1)) {
            throw new AssetException("storage allocation '" + id + "' must have a positive size, got " + bytes);
        }
        long quota = quota(bytes);
        if (closed) {
            throw new AssetException("storage files are closed; cannot allocate '" + id + "'");
        }
        if (files.containsKey(id) || !pending.add(id)) {
            throw new AssetException("storage allocation '" + id + "' already exists");
        }
        try {
            if (files.containsKey(id)) {
                throw new AssetException("storage allocation '" + id + "' already exists");
            }
            boolean reused = Files.exists(file);
            FileChannel channel = reused ? reopen(id, file, quota) : create(id, file, quota);
            used.addAndGet(quota);
            files.put(id, new StoredFile(id, quota, file, channel));
            leftovers.remove(id);
            if (closed) { // closed while creating: keep the file, like every other one
                StoredFile stored = files.remove(id);
                if (stored != null) {
                    closeQuietly(stored.channel);
                    used.addAndGet(-quota);
                }
                throw new AssetException("storage files are closed; cannot allocate '" + id + "'");
            }
            LOG.debug("{} storage file {} of {} bytes for '{}'", reused ? "Reused" : "Reserved", file, quota, id);
            return reused;
        } finally {
            pending.remove(id);
        }
    }

    private static FileChannel reopen(String id, Path file, long quota) throws AssetException {
        FileChannel channel = null;
        try {
            if (!Files.isRegularFile(file)) {
                throw new AssetException("storage file " + file + " of '" + id + "' is not a regular file");
            }
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long size = channel.size();
            if (size != quota) {
                throw new AssetException("storage file " + file + " of '" + id + "' exists with " + size
                        + " bytes, not the " + quota + " asked for; it is kept untouched");
            }
            return channel;
        } catch (IOException | RuntimeException failed) {
            closeQuietly(channel);
            throw new AssetException("cannot reopen storage file " + file + " of '" + id + "': " + failed, failed);
        } catch (AssetException refused) {
            closeQuietly(channel);
            throw refused;
        }
    }

    private FileChannel create(String id, Path file, long quota) throws AssetException {
        long usable = usableSpace.getAsLong();
        if (usable < 0) {
            throw new AssetException("cannot read the usable space of " + directory + "; not allocating '" + id
                    + "'");
        }
        if (usable < quota) {
            throw new AssetException("cannot allocate " + quota + " bytes of storage for '" + id + "': only "
                    + usable + " bytes usable in " + directory);
        }
        Path temporary = file.resolveSibling(file.getFileName() + TEMPORARY);
        FileChannel channel = null;
        try {
            Files.deleteIfExists(temporary);
            channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), ownerOnly());
            fill(channel, quota);
            channel.force(true);
            move(temporary, file);
            return channel;
        } catch (IOException | RuntimeException failed) {
            closeQuietly(channel);
            deleteQuietly(temporary);
            throw new AssetException("cannot reserve " + quota + " bytes of storage for '" + id + "' in "
                    + directory + ": " + failed, failed);
        }
    }

    private FileAttribute<?>[] ownerOnly() {
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> readWrite = PosixFilePermissions.fromString("rw-------");
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(readWrite)};
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(from, to);
        }
        if (!Files.exists(to)) {
            throw new NoSuchFileException(to.toString());
        }
    }

    /** Writes zeros over the whole file, so every block is reserved now. */
    private static void fill(FileChannel channel, long bytes) throws IOException {
        long position = 0;
        int stalls = 0;
        while (position < bytes) {
            ByteBuffer zeros = ZEROS.duplicate();
            zeros.limit((int) Math.min(IO_PIECE, bytes - position));
            int written = channel.write(zeros, position);
            position += written;
            if (written == 0 && ++stalls > MAX_STALLS) {
                throw new IOException("no progress writing zeros at " + position);
            }
        }
    }

    /**
     * Releases an allocation: its id becomes unknown and its file is deleted.
     * A kept file of an earlier allocation with this id is deleted as well.
     *
     * @return whether an allocation or a kept file had this id
     */
    boolean release(String id) {
        StoredFile stored = id == null ? null : files.remove(id);
        if (stored == null) {
            return id != null && leftovers.remove(id) != null && deleteLeftover(id);
        }
        stored.lock.writeLock().lock();
        try {
            stored.released = true;
            closeQuietly(stored.channel);
            deleteQuietly(stored.file);
        } finally {
            stored.lock.writeLock().unlock();
        }
        used.addAndGet(-stored.size);
        LOG.debug("Released storage allocation '{}' of {} bytes", id, stored.size);
        return true;
    }

    private boolean deleteLeftover(String id) {
        try {
            deleteQuietly(path(id));
            LOG.info("Deleted the kept storage file of released allocation '{}'", id);
        } catch (AssetException unstorable) {
            LOG.debug("No file for '{}': {}", id, unstorable.getMessage());
        }
        return true;
    }

    /** @return the size of the allocation in bytes */
    long size(String id) throws AssetException {
        return file(id).size;
    }

    /** Copies {@code length} bytes at {@code offset} out of the file. */
    byte[] read(String id, long offset, int length) throws AssetException {
        checkTransfer(length, "read");
        StoredFile stored = file(id);
        stored.lock.readLock().lock();
        try {
            live(stored);
            checkRange(stored, offset, length);
            byte[] bytes = new byte[length];
            int done = 0;
            int stalls = 0;
            while (done < length) {
                int n = stored.channel.read(ByteBuffer.wrap(bytes, done, Math.min(IO_PIECE, length - done)),
                        offset + done);
                if (n < 0) {
                    throw new IOException("storage file " + stored.file + " ends before " + (offset + done));
                }
                done += n;
                if (n == 0 && ++stalls > MAX_STALLS) {
                    throw new IOException("no progress reading at " + (offset + done));
                }
            }
            return bytes;
        } catch (IOException failed) {
            throw new AssetException("cannot read storage allocation '" + id + "': " + failed, failed);
        } finally {
            stored.lock.readLock().unlock();
        }
    }

    /** Copies {@code data} into the file at {@code offset}. */
    void write(String id, long offset, byte[] data) throws AssetException {
        if (data == null) {
            throw new IllegalArgumentException("no data to write");
        }
        checkTransfer(data.length, "write");
        StoredFile stored = file(id);
        stored.lock.readLock().lock();
        try {
            live(stored);
            checkRange(stored, offset, data.length);
            int done = 0;
            int stalls = 0;
            while (done < data.length) {
                int n = stored.channel.write(ByteBuffer.wrap(data, done, Math.min(IO_PIECE, data.length - done)),
                        offset + done);
                done += n;
                if (n == 0 && ++stalls > MAX_STALLS) {
                    throw new IOException("no progress writing at " + (offset + done));
                }
            }
        } catch (IOException failed) {
            throw new AssetException("cannot write storage allocation '" + id + "': " + failed, failed);
        } finally {
            stored.lock.readLock().unlock();
        }
    }

    /** Reads block {@code index}. */
    byte[] readBlock(String id, long index) throws AssetException {
        StoredFile stored = file(id);
        return read(id, blockOffset(stored, index), BLOCK_SIZE);
    }

    /** Writes block {@code index}, which must be exactly one block long. */
    void writeBlock(String id, long index, byte[] block) throws AssetException {
        if (block == null || block.length != BLOCK_SIZE) {
            throw new IllegalArgumentException("a block is exactly " + BLOCK_SIZE + " bytes, got "
                    + (block == null ? "none" : block.length));
        }
        StoredFile stored = file(id);
        write(id, blockOffset(stored, index), block);
    }

    private static long blockOffset(StoredFile stored, long index) {
        long blocks = stored.size / BLOCK_SIZE;
        if (index < 0 || index >= blocks) {
            throw new IllegalArgumentException("block " + index + " is outside storage allocation '" + stored.id
                    + "' of " + blocks + " blocks");
        }
        return index * BLOCK_SIZE;
    }

    /** Forces the file's writes onto stable storage. */
    void flush(String id) throws AssetException {
        StoredFile stored = file(id);
        stored.lock.readLock().lock();
        try {
            live(stored);
            stored.channel.force(true);
        } catch (IOException failed) {
            throw new AssetException("cannot flush storage allocation '" + id + "': " + failed, failed);
        } finally {
            stored.lock.readLock().unlock();
        }
    }

    /**
     * Closes every file and keeps it: storage survives restarts, and the
     * registry re-reserves its allocations through {@link #allocate}.
     */
    @Override
    public void close() {
        closed = true;
        List<String> ids = List.copyOf(files.keySet());
        for (String id : ids) {
            StoredFile stored = files.remove(id);
            if (stored == null) {
                continue;
            }
            stored.lock.writeLock().lock();
            try {
                stored.released = true;
                try {
                    stored.channel.force(true);
                } catch (IOException | RuntimeException notForced) {
                    LOG.warn("Cannot flush storage file {}: {}", stored.file, notForced.toString());
                }
                closeQuietly(stored.channel);
            } finally {
                stored.lock.writeLock().unlock();
            }
            used.addAndGet(-stored.size);
        }
        if (!ids.isEmpty()) {
            LOG.info("Closed {} storage files; they are kept for the allocations' return", ids.size());
        }
    }

    private StoredFile file(String id) throws AssetException {
        StoredFile stored = id == null ? null : files.get(id);
        if (stored == null) {
            throw new AssetException("no storage allocation '" + id + "'");
        }
        return stored;
    }

    private static void live(StoredFile stored) throws AssetException {
        if (stored.released) {
            throw new AssetException("no storage allocation '" + stored.id + "' (released)");
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

    private static void checkRange(StoredFile stored, long offset, int length) {
        if (offset < 0 || offset > stored.size || length > stored.size - offset) {
            throw new IllegalArgumentException("range [" + offset + ", " + offset + " + " + length
                    + ") is outside storage allocation '" + stored.id + "' of " + stored.size + " bytes");
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException notDeleted) {
            LOG.warn("Cannot delete storage file {}: {}", file, notDeleted.toString());
        }
    }

    /** One reserved file; {@link #released} is guarded by {@link #lock}. */
    private static final class StoredFile {

        final String id;
        final long size;
        final Path file;
        final FileChannel channel;
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        boolean released;

        StoredFile(String id, long size, Path file, FileChannel channel) {
            this.id = id;
            this.size = size;
            this.file = file;
            this.channel = channel;
        }
    }
}
