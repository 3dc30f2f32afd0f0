package network.internet2.hypermesh.vm.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * A program's standard output or error: keeps the first {@code cap} bytes
 * written and drops the rest, remembering that it did. The program is told
 * every write succeeded, so it runs on as it would with a real stream.
 */
final class CappedOutput extends OutputStream {

    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean truncated;

    CappedOutput(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = cap - kept.size();
        if (length > room) {
            truncated = true;
        }
        kept.write(bytes, offset, Math.max(0, Math.min(room, length)));
    }

    /** @return the bytes kept */
    synchronized byte[] bytes() {
        return kept.toByteArray();
    }

    /** @return whether bytes were dropped */
    synchronized boolean truncated() {
        return truncated;
    }
}
