package network.internet2.hypermesh.benchmark.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.CRC32C;

/**
 * Writes an asset journal in the registry's format ({@code <crc32c> <event>\n}, fields URL-encoded) holding
 * {@code count} memory allocations that were granted and released: what a node's journal looks like after that
 * many allocate + release pairs, without waiting for as many synced appends.
 */
final class GrownJournal {

    private GrownJournal() {
    }

    static void write(Path file, int count, String owner) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(42);
        HexFormat hex = HexFormat.of();
        String expiry = Instant.now().plusSeconds(3600).toString();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            byte[] id = new byte[16];
            for (int i = 0; i < count; i++) {
                random.nextBytes(id);
                String allocation = hex.formatHex(id);
                line(out, "granted", allocation, "memory", "4096", owner, expiry, "-");
                line(out, "ended", allocation, "RELEASED", "released by " + owner);
            }
        }
    }

    private static void line(OutputStream out, String... fields) throws IOException {
        StringBuilder payload = new StringBuilder();
        for (String field : fields) {
            if (payload.length() > 0) {
                payload.append(' ');
            }
            payload.append(URLEncoder.encode(field, StandardCharsets.UTF_8));
        }
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        out.write(String.format("%08x ", crc.getValue()).getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write('\n');
    }
}
