package network.internet2.management.config.toml.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Karaf's {@code etc/<pid>.cfg} files: PID properties merged into them (the
 * lines of other keys, and comments, stay as they are), and read back.
 */
public final class CfgFiles {

    /**
     * One file written.
     *
     * @param path    the file
     * @param created whether it did not exist before
     */
    public record WrittenFile(Path path, boolean created) {
    }

    private CfgFiles() {
    }

    /** Moves a file written aside over its target: a seam for the tests. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    /** One PID's file, written aside, waiting to be moved in. */
    private record Pending(String pid, Path file, Path temporary, byte[] before) {
    }

    /**
     * Sets each property in its PID's file: a key already there gets the new value
     * on its line; other keys are appended. A file that does not exist is created.
     * All or nothing: every file is read and its new text written aside first (a failure
     * there changes nothing), then each is moved in; if a move fails, the files already
     * moved in get their previous text back (or are removed if they were created).
     *
     * @param etc    Karaf's {@code etc} folder
     * @param pids   PID → property → value
     * @param source what the values come from, for the comment above appended keys
     * @return the files written, in PID order
     * @throws ApplyFailedException naming the PID that failed and the files restored
     */
    public static List<WrittenFile> merge(Path etc, Map<String, Map<String, String>> pids, String source)
            throws IOException {
        return merge(etc, pids, source, CfgFiles::moveIn);
    }

    static List<WrittenFile> merge(Path etc, Map<String, Map<String, String>> pids, String source, Mover mover)
            throws IOException {
        List<Pending> pending = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> pid : new TreeMap<>(pids).entrySet()) {
            try {
                Path file = etc.resolve(pid.getKey() + ".cfg");
                byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;
                List<String> lines = before == null ? List.of() : lines(before);
                Path temporary = Files.createTempFile(etc, pid.getKey() + ".cfg", ".tmp");
                pending.add(new Pending(pid.getKey(), file, temporary, before));
                Files.write(temporary, merged(lines, pid.getValue(), source), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                deleteTemporaries(pending, e);
                throw new ApplyFailedException(file(etc, pid.getKey()), List.of(), List.of(), e);
            }
        }
        List<Pending> moved = new ArrayList<>();
        for (Pending each : pending) {
            try {
                mover.move(each.temporary(), each.file());
            } catch (IOException | RuntimeException e) {
                List<String> restored = new ArrayList<>();
                List<String> notRestored = new ArrayList<>();
                for (int i = moved.size() - 1; i >= 0; i--) {
                    Pending done = moved.get(i);
                    try {
                        restore(done);
                        restored.add(done.file().toString());
                    } catch (IOException | RuntimeException f) {
                        e.addSuppressed(f);
                        notRestored.add(done.file() + " (" + f + ")");
                    }
                }
                deleteTemporaries(pending, e);
                throw new ApplyFailedException(each.file().toString(), restored, notRestored, e);
            }
            moved.add(each);
        }
        List<WrittenFile> written = new ArrayList<>();
        pending.forEach(each -> written.add(new WrittenFile(each.file(), each.before() == null)));
        return written;
    }

    private static String file(Path etc, String pid) {
        return etc.resolve(pid + ".cfg").toString();
    }

    /** @return the lines of a file's UTF-8 text, refusing bytes that are not UTF-8 (as readAllLines does) */
    private static List<String> lines(byte[] bytes) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                .lines().toList();
    }

    /** Puts back a file already moved in: its previous bytes, or no file if it was created. */
    private static void restore(Pending done) throws IOException {
        if (done.before() == null) {
            Files.deleteIfExists(done.file());
            return;
        }
        Path temporary = Files.createTempFile(done.file().getParent(), done.file().getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, done.before());
            moveIn(temporary, done.file());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void deleteTemporaries(List<Pending> pending, Exception failure) {
        for (Pending each : pending) {
            try {
                Files.deleteIfExists(each.temporary());
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void moveIn(Path temporary, Path file) throws IOException {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return the lines with each key of {@code values} set: in place where it was, appended otherwise */
    static List<String> merged(List<String> lines, Map<String, String> values, String source) {
        Map<String, String> left = new LinkedHashMap<>(values);
        List<String> out = new ArrayList<>();
        boolean continuation = false;
        boolean dropping = false;
        for (String line : lines) {
            if (continuation) {
                continuation = endsWithContinuation(line);
                if (!dropping) {
                    out.add(line);
                }
                continue;
            }
            String key = keyOf(line);
            continuation = endsWithContinuation(line);
            dropping = key != null && left.containsKey(key);
            if (dropping) {
                out.add(key + " = " + escaped(left.remove(key)));
            } else {
                out.add(line);
            }
        }
        if (!left.isEmpty()) {
            out.add("# set from " + source);
            left.forEach((key, value) -> out.add(key + " = " + escaped(value)));
        }
        return out;
    }

    /** @return the key a property line sets, or null for a comment or blank line */
    private static String keyOf(String line) {
        String stripped = line.stripLeading();
        if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c == '\\' && i + 1 < stripped.length()) {
                key.append(stripped.charAt(++i));
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** @return the value as a properties file must spell it */
    private static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param etc  Karaf's {@code etc} folder
     * @param pids the PIDs to read; those without a file are left out
     * @return PID → property → value as the files hold them
     */
    public static Map<String, Map<String, String>> read(Path etc, Collection<String> pids) throws IOException {
        Map<String, Map<String, String>> read = new TreeMap<>();
        for (String pid : pids) {
            Path file = etc.resolve(pid + ".cfg");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            Map<String, String> values = new TreeMap<>();
            properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
            read.put(pid, values);
        }
        return read;
    }
}
