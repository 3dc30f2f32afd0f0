package network.internet2.management.config.toml.internal;

import java.io.IOException;
import java.io.Reader;
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

    /**
     * Sets each property in its PID's file: a key already there gets the new value
     * on its line; other keys are appended. A file that does not exist is created.
     *
     * @param etc    Karaf's {@code etc} folder
     * @param pids   PID → property → value
     * @param source what the values come from, for the comment above appended keys
     * @return the files written, in PID order
     */
    public static List<WrittenFile> merge(Path etc, Map<String, Map<String, String>> pids, String source)
            throws IOException {
        List<WrittenFile> written = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> pid : new TreeMap<>(pids).entrySet()) {
            Path file = etc.resolve(pid.getKey() + ".cfg");
            boolean created = !Files.exists(file);
            List<String> lines = created ? List.of() : Files.readAllLines(file, StandardCharsets.UTF_8);
            write(file, merged(lines, pid.getValue(), source));
            written.add(new WrittenFile(file, created));
        }
        return written;
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

    private static void write(Path file, List<String> lines) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
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
