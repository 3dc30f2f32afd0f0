package network.internet2.hypermesh.benchmark.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The durability floor of the registry: appending a journal-sized line to a file and syncing it
 * ({@code force(true)}, as the asset journal does) under one lock, nothing else. An allocate + release through the
 * registry journals two events, so its floor is two of these.
 */
final class FsyncFloor implements AutoCloseable {

    /** As long as a real "granted" line of a 4 KiB memory allocation (id, owner, expiry, proxy address). */
    private static final byte[] LINE = ("0c0ffee0 granted 00112233445566778899aabbccddeeff memory 4096 bench-owner "
            + "2026-11-24T11%3A00%3A00.000000Z fd12%3A3456%3A789a%3A1%3A8899%3Aaabb%3Accdd%3Aeeff\n")
            .getBytes(StandardCharsets.UTF_8);

    private final FileChannel channel;

    private FsyncFloor(FileChannel channel) {
        this.channel = channel;
    }

    static FsyncFloor open(Path file) throws IOException {
        return new FsyncFloor(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    synchronized void appendSynced() throws IOException {
        ByteBuffer line = ByteBuffer.wrap(LINE);
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(true);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
