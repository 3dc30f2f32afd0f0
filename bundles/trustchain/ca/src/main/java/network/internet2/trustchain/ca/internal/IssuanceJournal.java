package network.internet2.trustchain.ca.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The CA's append-only record: one line per event, {@code <crc32> <payload>\n},
 * synced to disk before {@link #append} returns. On open, a torn last line
 * (crash during a write) is cut off; a damaged line anywhere else stops the CA
 * with an error rather than silently forgetting what it issued.
 */
final class IssuanceJournal implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final List<String> entries;

    private IssuanceJournal(Path file, FileChannel channel, List<String> entries) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
    }

    static IssuanceJournal open(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            SecureFiles.syncDirectory(file.getParent());
        }
        byte[] content = Files.readAllBytes(file);
        List<String> entries = new ArrayList<>();
        int start = 0;
        long good = 0;
        while (start < content.length) {
            int end = indexOf(content, (byte) '\n', start);
            if (end < 0) {
                break; // torn tail: written but never acknowledged
            }
            String line = new String(content, start, end - start, StandardCharsets.UTF_8);
            String payload = checked(line);
            if (payload == null) {
                if (indexOf(content, (byte) '\n', end + 1) < 0 && end + 1 >= content.length) {
                    break; // damaged last line: a torn write
                }
                throw new IOException("CA journal " + file + " is damaged at byte " + start
                        + "; restore it from a backup before starting the CA");
            }
            entries.add(payload);
            start = end + 1;
            good = start;
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        if (good < content.length) {
            channel.truncate(good);
            channel.force(true);
        }
        channel.position(good);
        return new IssuanceJournal(file, channel, entries);
    }

    /** @return every payload recorded so far, oldest first */
    synchronized List<String> entries() {
        return List.copyOf(entries);
    }

    /** @return how many payloads are recorded */
    synchronized int size() {
        return entries.size();
    }

    /** Appends one payload (no newlines) and syncs it to disk. */
    synchronized void append(String payload) throws IOException {
        if (payload.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("journal payloads are single lines");
        }
        ByteBuffer line = ByteBuffer.wrap((crc(payload) + " " + payload + "\n").getBytes(StandardCharsets.UTF_8));
        long before = channel.position();
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(true);
        } catch (IOException e) {
            channel.truncate(before);
            throw new IOException("cannot record in CA journal " + file + ": " + e.getMessage(), e);
        }
        entries.add(payload);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private static String checked(String line) {
        int space = line.indexOf(' ');
        if (space != 8) {
            return null;
        }
        String payload = line.substring(space + 1);
        return line.substring(0, space).equals(crc(payload)) ? payload : null;
    }

    private static String crc(String payload) {
        CRC32 crc = new CRC32();
        crc.update(payload.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private static int indexOf(byte[] content, byte wanted, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
