package network.internet2.trustchain.dns.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.xbill.DNS.Name;

/**
 * What the DNS server keeps on disk, in its own folder (mode 0700): the zone's
 * signing key ({@code zone-signing-key}, mode 0600) and the records
 * the operator added ({@code operator-records.txt}). Writes go to a synced
 * temporary file renamed over the old one, so a crash leaves one or the other.
 */
final class DnsFiles {

    private static final String KEY_FILE = "zone-signing-key";
    private static final String OPERATOR_FILE = "operator-records.txt";

    private final Path directory;

    DnsFiles(Path directory) throws IOException {
        this.directory = directory;
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * @return the zone's ECDSA P-256 key pair, generated and stored on first
     *         use: two Base64 lines, the private key (PKCS#8) and the public key (X.509)
     */
    KeyPair zoneKey() throws IOException {
        Path file = directory.resolve(KEY_FILE);
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                if (lines.size() < 2) {
                    throw new GeneralSecurityException("expected two lines, found " + lines.size());
                }
                Base64.Decoder base64 = Base64.getDecoder();
                return new KeyPair(
                        factory.generatePublic(new X509EncodedKeySpec(base64.decode(lines.get(1).strip()))),
                        factory.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(lines.get(0).strip()))));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            write(file, (base64.encodeToString(keys.getPrivate().getEncoded()) + "\n"
                    + base64.encodeToString(keys.getPublic().getEncoded()) + "\n").getBytes(StandardCharsets.US_ASCII));
            return keys;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the zone signing key in " + file + " is unusable (" + e.getMessage()
                    + "); move it away to have a new key generated, then publish the new DS record", e);
        }
    }

    /** @return the operator's records, one {@code name ttl address} per line */
    List<OperatorRecord> operatorRecords(Name origin) throws IOException {
        Path file = directory.resolve(OPERATOR_FILE);
        List<OperatorRecord> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+");
            try {
                if (fields.length != 3) {
                    throw new IllegalArgumentException("expected 'name ttl ipv6-address'");
                }
                Inet6Address v6 = DnsServerComponent.ipv6(fields[2], "address");
                records.add(new OperatorRecord(ZoneNames.inZone(fields[0], origin),
                        ZoneSettings.checkTtl(Long.parseLong(fields[1]), "ttl"), v6));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + number + ": " + e.getMessage(), e);
            }
        }
        return records;
    }

    void saveOperatorRecords(List<OperatorRecord> records) throws IOException {
        StringBuilder text = new StringBuilder("# Records added with dns:add; dns:remove takes them out again.\n");
        for (OperatorRecord record : records) {
            text.append(record.name()).append(' ').append(record.ttl()).append(' ')
                    .append(record.address().getHostAddress()).append('\n');
        }
        write(directory.resolve(OPERATOR_FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** One record added by the operator. */
    record OperatorRecord(Name name, long ttl, Inet6Address address) {
    }

    private void write(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
