package network.internet2.hypermesh.proof.stake.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stake ledger's file: append-only lines {@code <crc32c> <payload>\n},
 * the CRC-32C (8 lower-case hex digits) over the payload's bytes, each line
 * synced to disk before {@link #append} returns. The first line is the header
 * {@code stake-ledger 1 <ledger id>} (32 hex digits, random, written when the
 * file is created); the entries follow.
 *
 * <p>On opening, a torn last line (no newline, or a checksum that fails on the
 * last line: a write cut short by a crash, never acknowledged) is cut off; a
 * checksum failure on any earlier line stops the opening with an error rather
 * than forgetting what came after it. What the entries say is the ledger's
 * business ({@link Ledger}); this class only keeps lines intact.
 */
final class LedgerJournal implements AutoCloseable {

    /** A line read back: where it starts in the file, and its payload. */
    record Line(long offset, String payload) {
    }

    static final String HEADER = "stake-ledger";
    static final String FORMAT = "1";
    static final int LEDGER_ID_BYTES = 16;

    private static final Logger LOG = LoggerFactory.getLogger(LedgerJournal.class);
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private final FileChannel channel;
    private final byte[] ledgerId;
    private final List<Line> lines;

    private LedgerJournal(Path file, FileChannel channel, byte[] ledgerId, List<Line> lines) {
        this.file = file;
        this.channel = channel;
        this.ledgerId = ledgerId;
        this.lines = lines;
    }

    /**
     * Opens the journal in {@code file}, creating it (owner-only, with a header
     * naming {@code newLedgerId}) when it does not exist or holds no complete line.
     *
     * @throws IOException if it cannot be read or written, or is damaged before its last line
     */
    static LedgerJournal open(Path file, byte[] newLedgerId) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.exists(file)) {
            OwnerOnlyFiles.folder(folder);
            OwnerOnlyFiles.create(file);
            OwnerOnlyFiles.syncFolder(folder);
        }
        byte[] content = Files.readAllBytes(file);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int good = 0;
        int number = 0;
        while (start < content.length) {
            int end = indexOfNewline(content, start);
            if (end < 0) {
                break; // torn tail: no newline
            }
            number++;
            String payload = checked(new String(content, start, end - start, StandardCharsets.UTF_8));
            if (payload == null) {
                if (end + 1 == content.length) {
                    break; // torn tail: the last line's checksum fails
                }
                throw new IOException("stake ledger " + file + " is damaged at line " + number + " (byte " + start
                        + "): its checksum fails and lines follow it; restore the file from a backup before starting "
                        + "the proof-stake bundle");
            }
            lines.add(new Line(start, payload));
            start = end + 1;
            good = start;
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            if (good < content.length) {
                LOG.info("Stake ledger {}: cut {} bytes of a last line that a crash left incomplete (it was never "
                        + "acknowledged)", file, content.length - good);
                channel.truncate(good);
                channel.force(true);
            }
            channel.position(good);
            byte[] ledgerId;
            if (lines.isEmpty()) {
                ledgerId = newLedgerId.clone();
                writeLine(channel, HEADER + " " + FORMAT + " " + HEX.formatHex(ledgerId));
            } else {
                ledgerId = header(file, lines.remove(0).payload());
            }
            return new LedgerJournal(file, channel, ledgerId, lines);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static byte[] header(Path file, String payload) throws IOException {
        String[] fields = payload.split(" ", -1);
        if (fields.length != 3 || !HEADER.equals(fields[0])) {
            throw new IOException("stake ledger " + file + " does not start with a '" + HEADER + "' header line: "
                    + "it is not a stake ledger, or was damaged; restore it from a backup or move it away");
        }
        if (!FORMAT.equals(fields[1])) {
            throw new IOException("stake ledger " + file + " is of format " + fields[1] + ", this bundle reads format "
                    + FORMAT + ": install the proof-stake version that wrote it");
        }
        try {
            byte[] id = HEX.parseHex(fields[2]);
            if (id.length != LEDGER_ID_BYTES || !HEX.formatHex(id).equals(fields[2])) {
                throw new IllegalArgumentException("not " + LEDGER_ID_BYTES * 2 + " lower-case hex digits");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new IOException("stake ledger " + file + " has a malformed ledger id in its header ("
                    + e.getMessage() + "); restore it from a backup", e);
        }
    }

    /** @return the ledger's identifier */
    byte[] ledgerId() {
        return ledgerId.clone();
    }

    /** @return the entry lines found when opened (the header excluded), in file order */
    List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Drops the lines read at opening, once replayed. */
    void forgetLines() {
        lines.clear();
    }

    Path file() {
        return file;
    }

    /**
     * Appends one line and syncs it to disk; on failure the file is cut back
     * to where it was.
     */
    synchronized void append(String payload) throws IOException {
        long before = channel.position();
        try {
            writeLine(channel, payload);
        } catch (IOException e) {
            try {
                channel.truncate(before);
                channel.position(before);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IOException("cannot record in stake ledger " + file + ": " + e.getMessage()
                    + " (check the disk has space and the file is writable)", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private static void writeLine(FileChannel channel, String payload) throws IOException {
        if (payload.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a journal payload is one line");
        }
        OwnerOnlyFiles.write(channel, (crc(payload) + " " + payload + "\n").getBytes(StandardCharsets.UTF_8));
        channel.force(true);
    }

    /** @return the payload of a line whose checksum holds, else {@code null} */
    static String checked(String line) {
        if (line.length() < 9 || line.charAt(8) != ' ') {
            return null;
        }
        String payload = line.substring(9);
        return line.substring(0, 8).equals(crc(payload)) ? payload : null;
    }

    static String crc(String payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private static int indexOfNewline(byte[] content, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
