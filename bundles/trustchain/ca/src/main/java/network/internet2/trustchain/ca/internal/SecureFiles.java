package network.internet2.trustchain.ca.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Durable, owner-only file writes: content goes to a temporary file created
 * with mode 0600, is synced, then renamed over the target, and the directory is
 * synced, so a crash leaves either the old or the new file, never a torn one.
 */
final class SecureFiles {

    private SecureFiles() {
    }

    /** Creates {@code directory} (mode 0700) if it does not exist. */
    static void ensureDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
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
        syncDirectory(target.getParent());
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Reads the passphrase in {@code file}, first creating it (mode 0600) with
     * 32 random bytes if it does not exist.
     */
    static char[] passphrase(Path file, SecureRandom random) throws IOException {
        if (!Files.exists(file)) {
            ensureDirectory(file.getParent());
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            try {
                writeAtomically(file, (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII));
            } catch (FileAlreadyExistsException raced) {
                // another writer created it first: use theirs
            }
        }
        String text = Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII).trim();
        if (text.length() < 16) {
            throw new IOException("CA passphrase in " + file + " is shorter than 16 characters; "
                    + "remove the file to have a new one generated (only before the CA's first start)");
        }
        return text.toCharArray();
    }
}
