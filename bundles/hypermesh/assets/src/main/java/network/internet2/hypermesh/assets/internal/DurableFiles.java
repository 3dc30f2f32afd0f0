package network.internet2.hypermesh.assets.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Owner-only, crash-safe files: new files get mode 0600 (directories 0700)
 * where the file system has POSIX permissions; whole-file writes go through a
 * synced temporary file renamed over the target, so a crash leaves the old or
 * the new content, never a torn one.
 */
final class DurableFiles {

    private DurableFiles() {
    }

    static boolean hasPosixPermissions(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code directory} and its parents (the last one mode 0700) if missing. */
    static void ensureDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            if (hasPosixPermissions(directory)) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    /** Creates an empty file readable and writable by its owner only. */
    static void createOwnerOnly(Path file) throws IOException {
        if (hasPosixPermissions(file)) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            Files.createFile(file, ownerOnly);
        } else {
            Files.createFile(file);
        }
    }

    /** Replaces {@code target}'s content atomically and durably; the file is owner-only. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        createOwnerOnly(temporary);
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
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Syncs a directory so a file created or renamed in it survives a crash (POSIX only). */
    static void syncDirectory(Path directory) throws IOException {
        if (directory == null || !hasPosixPermissions(directory)) {
            return; // other systems cannot open a directory for syncing
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
