package network.internet2.hypermesh.gpu.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.gpu.GpuDevice;

/**
 * Asks {@code nvidia-smi} for the GPUs, if the executable is there: a name is
 * looked up on the search path, anything with a {@code /} is taken as a path.
 * The command gets a bounded time to answer; past it, it and every process it
 * started are killed. Its output goes to temporary files (so a child left
 * holding them cannot block us) and is read up to a bound. Nothing here
 * throws: a failure is reported in the result.
 */
final class NvidiaSmi {

    private static final Logger LOG = LoggerFactory.getLogger(NvidiaSmi.class);

    static final String FORMAT = "--format=csv,noheader,nounits";

    /** The most output read; 1 MiB is thousands of GPUs. */
    private static final int MAX_OUTPUT_BYTES = 1024 * 1024;

    /** How long a killed process gets to go away. */
    private static final long KILL_WAIT_MILLIS = 2000;

    /**
     * What the command gave.
     *
     * @param devices  the GPUs of its well-formed lines
     * @param checked  what was run and what it gave, for a person
     * @param problems lines that were ignored, and why
     */
    record Query(List<GpuDevice> devices, String checked, List<String> problems) {
    }

    private final String command;
    private final String searchPath;
    private final Duration timeout;

    /**
     * @param command    the executable: a name looked up on {@code searchPath}, or a path
     * @param searchPath the directories to look in, separated by {@link File#pathSeparator} (e.g. {@code $PATH})
     * @param timeout    how long it may take to answer
     */
    NvidiaSmi(String command, String searchPath, Duration timeout) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("nvidia.smi must name the nvidia-smi executable");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the nvidia-smi timeout must be positive, got " + timeout);
        }
        this.command = command.strip();
        this.searchPath = searchPath == null ? "" : searchPath;
        this.timeout = timeout;
    }

    /** @return the arguments it is run with */
    static List<String> arguments() {
        return List.of("--query-gpu=" + NvidiaSmiCsv.QUERY, FORMAT);
    }

    Query query() {
        Optional<Path> executable = executable();
        if (executable.isEmpty()) {
            return new Query(List.of(), command.contains("/")
                    ? command + ": no such executable"
                    : command + ": not found on PATH (" + searchPath + ")", List.of());
        }
        String label = command + " (" + executable.get() + ")";
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("nvidia-smi-", ".out");
            err = Files.createTempFile("nvidia-smi-", ".err");
            List<String> commandLine = new ArrayList<>();
            commandLine.add(executable.get().toString());
            commandLine.addAll(arguments());
            Process process = new ProcessBuilder(commandLine).redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return failed(label + ": no answer within " + seconds(timeout) + ", killed",
                        "check the NVIDIA driver with nvidia-smi by hand, or raise discovery.timeout.seconds");
            }
            String output = read(out);
            if (process.exitValue() != 0) {
                String error = firstLine(read(err));
                return failed(label + ": exit " + process.exitValue() + ": "
                        + (error.isEmpty() ? firstLine(output) : error), "fix what it reports");
            }
            NvidiaSmiCsv.Parsed parsed = NvidiaSmiCsv.parse(output);
            return new Query(parsed.devices(), label + ": " + parsed.devices().size() + " GPUs", parsed.problems());
        } catch (IOException e) {
            return failed(label + ": cannot be run (" + e.getMessage() + ")",
                    "check that it is executable, or set nvidia.smi");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Query(List.of(), label + ": interrupted while waiting for it", List.of());
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** An nvidia-smi that is there but gave no answer is worth a warning; the driver files may still count. */
    private static Query failed(String checked, String todo) {
        LOG.warn("GPU discovery: {}; {}", checked, todo);
        return new Query(List.of(), checked, List.of());
    }

    /** @return the executable to run, if it exists */
    Optional<Path> executable() {
        try {
            if (command.contains("/")) {
                Path path = Path.of(command);
                return runnable(path) ? Optional.of(path) : Optional.empty();
            }
            for (String directory : searchPath.split(File.pathSeparator)) {
                if (!directory.isBlank()) {
                    Path candidate = Path.of(directory).resolve(command);
                    if (runnable(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean runnable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    /** Kills the process and what it started, and waits a bounded time for it to go. */
    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(KILL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static String firstLine(String text) {
        return text.lines().filter(line -> !line.isBlank()).findFirst().map(Text::abbreviate).orElse("");
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static File nullFile() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Cannot delete the temporary file {} ({}); it is harmless", file, e.toString());
            }
        }
    }
}
