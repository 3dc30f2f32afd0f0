package network.internet2.trustchain.ct.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's entries and its Merkle tree on disk.
 *
 * <p>{@code entries.log} is the only source of truth: records of
 * {@code magic, length, CRC-32C, leaf_input, extra_data}, appended and synced
 * before an append returns. Derived from it, and rebuilt from it when needed:
 * {@code offsets.bin} (where each entry starts) and {@code level-L.bin}, the
 * hash of every complete subtree of 2^L leaves (level 0: the leaf hashes). A
 * {@code checkpoint} file names how many entries the derived files hold
 * durably; they are synced and the checkpoint rewritten every few thousand
 * entries and on close. Opening after a crash keeps every whole record, cuts a
 * torn last one, and recomputes the derived data past the checkpoint.
 *
 * <p>Hashes of any subtree are read from the levels: a complete subtree is one
 * read, and the right edge of an incomplete tree combines at most one stored
 * subtree per level; proofs (RFC 9162 section 2.1.3 and 2.1.4) therefore cost
 * O(log n) reads and never rehash the log. One thread appends at a time; reads
 * run concurrently with appends and see only what is committed.
 */
final class TreeStorage implements AutoCloseable {

    /** One entry: the TLS-encoded MerkleTreeLeaf and the chain data that goes with it. */
    record Entry(byte[] leafInput, byte[] extraData) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TreeStorage.class);
    private static final int MAGIC = 0x43544c31; // "CTL1"
    private static final int HEADER = 12;
    /** Largest record accepted (a chain of a few certificates is far smaller). */
    static final int MAX_RECORD = 4 * 1024 * 1024;
    private static final int MAX_LEVELS = 63;
    private static final long CHECKPOINT_EVERY = 8192;

    private final Path directory;
    private final FileChannel log;
    private final FileChannel offsets;
    private final FileChannel[] levels = new FileChannel[MAX_LEVELS];
    private final byte[][] frontier = new byte[MAX_LEVELS][];
    private final LeafIndex leafIndex = new LeafIndex();
    private volatile long size;
    private long logEnd;
    private long checkpointed;
    private volatile IOException failure;

    private TreeStorage(Path directory) throws IOException {
        this.directory = directory;
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
        this.log = openFile(directory.resolve("entries.log"));
        this.offsets = openFile(directory.resolve("offsets.bin"));
    }

    /** Opens (creating if needed) and recovers the log in {@code directory}. */
    static TreeStorage open(Path directory) throws IOException {
        TreeStorage storage = new TreeStorage(directory);
        try {
            storage.recover();
            return storage;
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /** @return the number of committed entries */
    long size() {
        return size;
    }

    /**
     * Appends {@code batch} and syncs it to disk before returning.
     *
     * @return the index of the batch's first entry
     * @throws IOException if the entries could not be made durable; the storage then refuses further
     *         appends until it is reopened (which cuts whatever part of the batch reached the disk)
     */
    synchronized long append(List<Entry> batch) throws IOException {
        if (failure != null) {
            throw new IOException("the log's storage failed earlier (" + failure.getMessage()
                    + "); it accepts entries again once reopened", failure);
        }
        long first = size;
        try {
            int total = 0;
            for (Entry entry : batch) {
                total += HEADER + 8 + entry.leafInput().length + entry.extraData().length;
            }
            ByteBuffer records = ByteBuffer.allocate(total);
            long[] starts = new long[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                starts[i] = logEnd + records.position();
                writeRecord(records, batch.get(i));
            }
            records.flip();
            writeFully(log, records, logEnd);
            log.force(false);
            logEnd += total;
            List<byte[]> leafHashes = new ArrayList<>(batch.size());
            for (Entry entry : batch) {
                leafHashes.add(MerkleHashes.leaf(entry.leafInput()));
            }
            addDerived(starts, leafHashes);
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e);
            throw failure;
        }
        if (size - checkpointed >= CHECKPOINT_EVERY) {
            checkpoint();
        }
        return first;
    }

    Entry entry(long index) throws IOException {
        checkIndex(index, size);
        long offset = readLong(offsets, index * 8);
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(log, header, offset);
        header.flip();
        header.getInt();
        int length = header.getInt();
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(log, payload, offset + HEADER);
        payload.flip();
        return decode(payload);
    }

    byte[] leafHash(long index) throws IOException {
        checkIndex(index, size);
        return stored(0, index);
    }

    /** @return the Merkle tree hash of the first {@code treeSize} entries (RFC 9162 section 2.1.1) */
    byte[] rootHash(long treeSize) throws IOException {
        if (treeSize == 0) {
            return MerkleHashes.empty();
        }
        checkIndex(treeSize - 1, size);
        return subtree(0, treeSize);
    }

    /** @return the audit path of leaf {@code index} in the tree of {@code treeSize} leaves (RFC 9162 2.1.3.1) */
    List<byte[]> inclusionPath(long index, long treeSize) throws IOException {
        checkIndex(treeSize - 1, size);
        checkIndex(index, treeSize);
        long start = 0;
        long n = treeSize;
        long m = index;
        List<byte[]> reversed = new ArrayList<>();
        while (n > 1) {
            long k = MerkleHashes.splitPoint(n);
            if (m < k) {
                reversed.add(subtree(start + k, n - k));
                n = k;
            } else {
                reversed.add(subtree(start, k));
                start += k;
                m -= k;
                n -= k;
            }
        }
        return reverse(reversed);
    }

    /** @return the consistency proof between the trees of {@code first} and {@code second} leaves (RFC 9162 2.1.4.1) */
    List<byte[]> consistencyPath(long first, long second) throws IOException {
        checkIndex(second - 1, size);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("first (" + first + ") must be between 0 and second (" + second + ")");
        }
        List<byte[]> reversed = new ArrayList<>();
        if (first == 0 || first == second) {
            return reversed;
        }
        long start = 0;
        long n = second;
        long m = first;
        boolean whole = true;
        while (m != n) {
            long k = MerkleHashes.splitPoint(n);
            if (m <= k) {
                reversed.add(subtree(start + k, n - k));
                n = k;
            } else {
                reversed.add(subtree(start, k));
                start += k;
                m -= k;
                n -= k;
                whole = false;
            }
        }
        if (!whole) {
            reversed.add(subtree(start, n));
        }
        return reverse(reversed);
    }

    private static List<byte[]> reverse(List<byte[]> reversed) {
        List<byte[]> path = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            path.add(reversed.get(i));
        }
        return path;
    }

    /** @return the index of the first leaf with this leaf hash within the first {@code treeSize} entries, or -1 */
    long indexOf(byte[] leafHash, long treeSize) {
        if (leafHash.length != MerkleHashes.SIZE) {
            return -1;
        }
        return leafIndex.find(leafHash, treeSize, index -> {
            try {
                return stored(0, index);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Syncs the derived files and records how many entries they hold. */
    synchronized void checkpoint() throws IOException {
        offsets.force(false);
        for (FileChannel level : levels) {
            if (level != null) {
                level.force(false);
            }
        }
        Path file = directory.resolve("checkpoint");
        Path temporary = directory.resolve("checkpoint.tmp");
        Files.writeString(temporary, size + " " + logEnd + "\n", StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
            folder.force(true);
        }
        checkpointed = size;
    }

    @Override
    public synchronized void close() {
        try {
            if (failure == null && log.isOpen()) {
                checkpoint();
            }
        } catch (IOException e) {
            LOG.warn("CT log: could not checkpoint on close ({}); the next open recomputes", e.getMessage());
        }
        closeQuietly(log);
        closeQuietly(offsets);
        for (FileChannel level : levels) {
            closeQuietly(level);
        }
    }

    // --- the tree

    /** MTH of {@code count} leaves from {@code start}; {@code start} is aligned as RFC 9162's recursion makes it. */
    private byte[] subtree(long start, long count) throws IOException {
        if (Long.bitCount(count) == 1 && start % count == 0) {
            int level = Long.numberOfTrailingZeros(count);
            return stored(level, start >>> level);
        }
        long k = MerkleHashes.splitPoint(count);
        return MerkleHashes.node(subtree(start, k), subtree(start + k, count - k));
    }

    private byte[] stored(int level, long index) throws IOException {
        ByteBuffer hash = ByteBuffer.allocate(MerkleHashes.SIZE);
        readFully(level(level), hash, index * MerkleHashes.SIZE);
        return hash.array();
    }

    /** Adds the entries' offsets and hashes; the new subtrees complete as leaves arrive, left to right. */
    private void addDerived(long[] starts, List<byte[]> leafHashes) throws IOException {
        ByteBuffer offsetBytes = ByteBuffer.allocate(starts.length * 8);
        for (long start : starts) {
            offsetBytes.putLong(start);
        }
        offsetBytes.flip();
        writeFully(offsets, offsetBytes, size * 8);
        List<List<byte[]>> newNodes = new ArrayList<>();
        long n = size;
        for (byte[] leaf : leafHashes) {
            byte[] hash = leaf;
            add(newNodes, 0, hash);
            int level = 0;
            while ((n >>> level & 1) == 1) {
                hash = MerkleHashes.node(frontier[level], hash);
                frontier[level] = null;
                level++;
                add(newNodes, level, hash);
            }
            frontier[level] = hash;
            n++;
        }
        for (int level = 0; level < newNodes.size(); level++) {
            List<byte[]> nodes = newNodes.get(level);
            if (nodes.isEmpty()) {
                continue;
            }
            ByteBuffer bytes = ByteBuffer.allocate(nodes.size() * MerkleHashes.SIZE);
            nodes.forEach(bytes::put);
            bytes.flip();
            long existing = size >>> level;
            writeFully(level(level), bytes, existing * MerkleHashes.SIZE);
        }
        for (int i = 0; i < leafHashes.size(); i++) {
            leafIndex.put(leafHashes.get(i), size + i);
        }
        size = n;
    }

    private static void add(List<List<byte[]>> nodes, int level, byte[] hash) {
        while (nodes.size() <= level) {
            nodes.add(new ArrayList<>());
        }
        nodes.get(level).add(hash);
    }

    // --- recovery

    private void recover() throws IOException {
        long[] checkpoint = readCheckpoint();
        long trusted = checkpoint[0];
        long offset = checkpoint[1];
        if (!derivedHold(trusted) || offset > log.size()) {
            if (trusted > 0) {
                LOG.warn("CT log: derived files in {} do not hold the {} checkpointed entries; rebuilding them "
                        + "from entries.log", directory, trusted);
            }
            trusted = 0;
            offset = 0;
        }
        offsets.truncate(trusted * 8);
        for (int level = 0; level < MAX_LEVELS; level++) {
            if (Files.exists(levelPath(level))) {
                level(level).truncate((trusted >>> level) * MerkleHashes.SIZE);
            }
        }
        size = trusted;
        for (int level = 0; level < MAX_LEVELS; level++) {
            frontier[level] = (trusted >>> level & 1) == 1 ? stored(level, (trusted >>> level) - 1) : null;
        }
        rebuildLeafIndex(trusted);
        logEnd = offset;
        long recovered = replay();
        long fileEnd = log.size();
        if (fileEnd > logEnd) {
            LOG.warn("CT log: cutting {} bytes of a torn or damaged record at the end of entries.log "
                    + "(never acknowledged: an entry is acknowledged only once synced whole)", fileEnd - logEnd);
            log.truncate(logEnd);
            log.force(true);
        }
        if (recovered > 0 || trusted != readCheckpoint()[0]) {
            checkpoint();
        }
        checkpointed = size;
        LOG.info("CT log opened in {}: {} entries ({} recomputed from entries.log)", directory, size, recovered);
    }

    /** Re-reads records after the checkpoint; @return how many were added */
    private long replay() throws IOException {
        long end = log.size();
        long added = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (logEnd + HEADER <= end) {
            header.clear();
            readFully(log, header, logEnd);
            header.flip();
            int magic = header.getInt();
            int length = header.getInt();
            int crc = header.getInt();
            if (magic != MAGIC || length < 8 || length > MAX_RECORD || logEnd + HEADER + length > end) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(log, payload, logEnd + HEADER);
            CRC32C check = new CRC32C();
            check.update(payload.array());
            if ((int) check.getValue() != crc) {
                break;
            }
            payload.flip();
            Entry entry;
            try {
                entry = decode(payload);
            } catch (RuntimeException damaged) {
                break;
            }
            addDerived(new long[] {logEnd}, List.of(MerkleHashes.leaf(entry.leafInput())));
            logEnd += HEADER + length;
            added++;
        }
        return added;
    }

    private boolean derivedHold(long entries) throws IOException {
        if (offsets.size() < entries * 8) {
            return false;
        }
        for (int level = 0; level < MAX_LEVELS && (entries >>> level) > 0; level++) {
            if (!Files.exists(levelPath(level)) || level(level).size() < (entries >>> level) * MerkleHashes.SIZE) {
                return false;
            }
        }
        return true;
    }

    private void rebuildLeafIndex(long entries) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(MerkleHashes.SIZE * 4096);
        for (long index = 0; index < entries;) {
            chunk.clear();
            long count = Math.min(4096, entries - index);
            chunk.limit((int) count * MerkleHashes.SIZE);
            readFully(level(0), chunk, index * MerkleHashes.SIZE);
            chunk.flip();
            for (long i = 0; i < count; i++) {
                byte[] hash = new byte[MerkleHashes.SIZE];
                chunk.get(hash);
                leafIndex.put(hash, index + i);
            }
            index += count;
        }
    }

    private long[] readCheckpoint() throws IOException {
        Path file = directory.resolve("checkpoint");
        if (!Files.exists(file)) {
            return new long[] {0, 0};
        }
        String[] fields = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
        try {
            return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
        } catch (RuntimeException damaged) {
            LOG.warn("CT log: unreadable checkpoint in {}; recomputing from entries.log", directory);
            return new long[] {0, 0};
        }
    }

    // --- files

    private static void writeRecord(ByteBuffer out, Entry entry) {
        int length = 8 + entry.leafInput().length + entry.extraData().length;
        ByteBuffer payload = ByteBuffer.allocate(length);
        payload.putInt(entry.leafInput().length).put(entry.leafInput())
                .putInt(entry.extraData().length).put(entry.extraData());
        CRC32C crc = new CRC32C();
        crc.update(payload.array());
        out.putInt(MAGIC).putInt(length).putInt((int) crc.getValue()).put(payload.array());
    }

    private static Entry decode(ByteBuffer payload) {
        byte[] leaf = new byte[payload.getInt()];
        payload.get(leaf);
        byte[] extra = new byte[payload.getInt()];
        payload.get(extra);
        return new Entry(leaf, extra);
    }

    private FileChannel level(int level) throws IOException {
        if (levels[level] == null) {
            levels[level] = openFile(levelPath(level));
        }
        return levels[level];
    }

    private Path levelPath(int level) {
        return directory.resolve("level-" + level + ".bin");
    }

    private static FileChannel openFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            int read = channel.read(bytes, at);
            if (read < 0) {
                throw new IOException("unexpected end of a CT log file at " + at);
            }
            at += read;
        }
    }

    private static long readLong(FileChannel channel, long position) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(8);
        readFully(channel, bytes, position);
        return bytes.flip().getLong();
    }

    private static void checkIndex(long index, long limit) {
        if (index < 0 || index >= limit) {
            throw new IndexOutOfBoundsException("index " + index + " is outside 0.." + (limit - 1));
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after use: nothing left to protect
            }
        }
    }
}
