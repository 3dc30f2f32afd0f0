package network.internet2.hypermesh.assets.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.Allocation.State;

/**
 * The registry's durable, append-only record of allocations: one line per
 * event, {@code <crc32c> <event>\n}, synced to disk before the operation
 * returns. Events are
 * <pre>
 * granted &lt;id&gt; &lt;kind&gt; &lt;amount&gt; &lt;owner&gt; &lt;lease expiry&gt; &lt;proxy address&gt;
 * renewed &lt;id&gt; &lt;lease expiry&gt;
 * ended   &lt;id&gt; &lt;state&gt; &lt;reason&gt;
 * access  &lt;id&gt; &lt;identity&gt;     (remote access granted)
 * unaccess &lt;id&gt; &lt;identity&gt;    (that grant withdrawn)
 * </pre>
 * with every field URL-encoded. On open the events are replayed into the
 * allocations they describe ({@link #replayed()}). A torn last line (a crash
 * during a write, never acknowledged to anyone) is cut off; a damaged line
 * anywhere else stops the registry with an error rather than silently
 * forgetting what it granted.
 */
final class AllocationJournal implements AllocationRecorder, AutoCloseable {

    private static final String GRANTED = "granted";
    private static final String RENEWED = "renewed";
    private static final String ENDED = "ended";
    private static final String ACCESS = "access";
    private static final String UNACCESS = "unaccess";

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Allocation> replayed;
    private final Map<String, Set<String>> replayedGrants;

    private AllocationJournal(Path file, FileChannel channel, Map<String, Allocation> replayed,
            Map<String, Set<String>> replayedGrants) {
        this.file = file;
        this.channel = channel;
        this.replayed = replayed;
        this.replayedGrants = replayedGrants;
    }

    /**
     * Opens (creating it owner-only if missing) the journal in {@code file} and
     * replays it.
     *
     * @throws IOException if it cannot be read or is damaged before its last line
     */
    static AllocationJournal open(Path file) throws IOException {
        if (!Files.exists(file)) {
            DurableFiles.ensureDirectory(file.toAbsolutePath().getParent());
            DurableFiles.createOwnerOnly(file);
            DurableFiles.syncDirectory(file.toAbsolutePath().getParent());
        }
        byte[] content = Files.readAllBytes(file);
        Map<String, Allocation> allocations = new LinkedHashMap<>();
        Map<String, Set<String>> grants = new LinkedHashMap<>();
        int start = 0;
        int good = 0;
        while (start < content.length) {
            int end = indexOf(content, (byte) '\n', start);
            if (end < 0) {
                break; // torn tail: written but never acknowledged
            }
            String payload = checked(new String(content, start, end - start, StandardCharsets.UTF_8));
            if (payload == null) {
                if (end + 1 >= content.length) {
                    break; // damaged last line: a torn write
                }
                throw new IOException("asset journal " + file + " is damaged at byte " + start
                        + "; restore it from a backup before starting the asset registry");
            }
            replay(payload, allocations, grants, file, start);
            start = end + 1;
            good = start;
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            if (good < content.length) {
                channel.truncate(good);
                channel.force(true);
            }
            channel.position(good);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        grants.keySet().removeIf(id -> allocations.get(id).state() != State.ACTIVE);
        return new AllocationJournal(file, channel, allocations, grants);
    }

    /** @return the allocations as the journal left them when opened, in grant order */
    Map<String, Allocation> replayed() {
        return new LinkedHashMap<>(replayed);
    }

    /** @return the remote-access grants of the active allocations as the journal left them */
    Map<String, Set<String>> replayedGrants() {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        replayedGrants.forEach((id, identities) -> copy.put(id, new LinkedHashSet<>(identities)));
        return copy;
    }

    @Override
    public void granted(Allocation a) throws IOException {
        append(GRANTED, a.id(), a.kind(), Long.toString(a.amount()), a.owner(), a.leaseExpiry().toString(),
                a.proxyAddress() == null ? "-" : a.proxyAddress().getHostAddress());
    }

    @Override
    public void renewed(Allocation a) throws IOException {
        append(RENEWED, a.id(), a.leaseExpiry().toString());
    }

    @Override
    public void ended(Allocation a) throws IOException {
        append(ENDED, a.id(), a.state().name(), a.endReason() == null ? "" : a.endReason());
    }

    @Override
    public void accessGranted(String allocationId, String identity) throws IOException {
        append(ACCESS, allocationId, identity);
    }

    @Override
    public void accessRevoked(String allocationId, String identity) throws IOException {
        append(UNACCESS, allocationId, identity);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private synchronized void append(String... fields) throws IOException {
        String payload = Arrays.stream(fields).map(f -> URLEncoder.encode(f, StandardCharsets.UTF_8))
                .collect(Collectors.joining(" "));
        ByteBuffer line = ByteBuffer.wrap((crc(payload) + " " + payload + "\n").getBytes(StandardCharsets.UTF_8));
        long before = channel.position();
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(true);
        } catch (IOException e) {
            try {
                channel.truncate(before);
                channel.position(before);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IOException("cannot record in asset journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static void replay(String payload, Map<String, Allocation> allocations, Map<String, Set<String>> grants,
            Path file, int offset) throws IOException {
        List<String> fields = new ArrayList<>();
        for (String field : payload.split(" ", -1)) {
            fields.add(URLDecoder.decode(field, StandardCharsets.UTF_8));
        }
        try {
            String event = fields.get(0);
            if (GRANTED.equals(event) && fields.size() == 7) {
                Inet6Address address = "-".equals(fields.get(6)) ? null : UlaPrefix.ipv6Literal(fields.get(6));
                allocations.put(fields.get(1), new Allocation(fields.get(1), fields.get(2),
                        Long.parseLong(fields.get(3)), fields.get(4), Instant.parse(fields.get(5)), address,
                        State.ACTIVE, null));
                return;
            }
            Allocation known = allocations.get(fields.get(1));
            if (known != null && RENEWED.equals(event) && fields.size() == 3) {
                allocations.put(known.id(), new Allocation(known.id(), known.kind(), known.amount(), known.owner(),
                        Instant.parse(fields.get(2)), known.proxyAddress(), known.state(), known.endReason()));
                return;
            }
            if (known != null && ACCESS.equals(event) && fields.size() == 3) {
                grants.computeIfAbsent(known.id(), id -> new LinkedHashSet<>()).add(fields.get(2));
                return;
            }
            if (known != null && UNACCESS.equals(event) && fields.size() == 3) {
                Set<String> identities = grants.getOrDefault(known.id(), new LinkedHashSet<>());
                identities.remove(fields.get(2));
                return;
            }
            if (known != null && ENDED.equals(event) && fields.size() == 4) {
                allocations.put(known.id(), new Allocation(known.id(), known.kind(), known.amount(), known.owner(),
                        known.leaseExpiry(), known.proxyAddress(), State.valueOf(fields.get(2)), fields.get(3)));
                return;
            }
        } catch (RuntimeException | java.net.UnknownHostException e) {
            throw unreadable(file, offset, payload, e);
        }
        throw unreadable(file, offset, payload, null);
    }

    private static IOException unreadable(Path file, int offset, String payload, Exception cause) {
        return new IOException("asset journal " + file + " holds an event it cannot apply at byte " + offset
                + " (" + payload + "); restore it from a backup before starting the asset registry", cause);
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
        CRC32C crc = new CRC32C();
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
