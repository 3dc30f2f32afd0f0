package network.internet2.hypermesh.assets.cli.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.karaf.shell.support.CommandException;

/** Reads the files {@code asset:exec} is given, bounded, with messages that name the file. */
final class InputFiles {

    private InputFiles() {
    }

    /**
     * Resolves a path the user typed: {@code ~/} is the user's home, a relative
     * path is relative to the node's working directory (as Karaf's file completion shows).
     */
    static Path resolve(String path) {
        String expanded = path.equals("~") || path.startsWith("~/")
                ? System.getProperty("user.home") + path.substring(1) : path;
        return Path.of(expanded).toAbsolutePath().normalize();
    }

    /**
     * @param what     what the file holds, for messages ({@code module})
     * @param maxBytes the largest file accepted
     * @return the file's content
     * @throws CommandException if it is missing, a directory, unreadable or too large
     */
    static byte[] read(Path file, String what, long maxBytes) throws CommandException {
        if (Files.isDirectory(file)) {
            throw new CommandException(file + " is a directory; give the " + what + " file");
        }
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new CommandException(file + " has " + size + " bytes; the " + what + " may have at most "
                        + maxBytes / (1024 * 1024) + " MiB");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CommandException("no such file: " + file, e);
        } catch (AccessDeniedException e) {
            throw new CommandException("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
