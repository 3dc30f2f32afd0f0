package network.internet2.hypermesh.cpu.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much CPU this machine offers, in millicores: the processors the JVM sees
 * ({@link Runtime#availableProcessors()} × 1000), lowered to the cgroup v2 CPU
 * limit where {@code cpu.max} sets one, times the configured fraction (so the
 * node keeps some for itself), capped by the configured maximum. The figures
 * are discovered once, when the capacity is made.
 *
 * <p>{@code cpu.max} holds {@code max <period>} (no limit) or
 * {@code <quota> <period>} in microseconds; a missing file means no limit, a
 * file that cannot be read or parsed is ignored with a logged warning.
 */
final class CpuCapacity {

    private static final Logger LOG = LoggerFactory.getLogger(CpuCapacity.class);

    /** Where cgroup v2 puts the CPU limit of the JVM's own group. */
    static final Path CGROUP_CPU_MAX = Path.of("/sys/fs/cgroup/cpu.max");

    /** The longest {@code cpu.max} content read; anything longer is garbage. */
    private static final int MAX_FILE_CHARS = 256;

    /**
     * What the capacity was made of.
     *
     * @param processors        the processors the JVM sees
     * @param cgroupMillicores  the cgroup CPU limit in millicores, or -1 for none (or unreadable)
     * @param machineMillicores what the machine has for us: the least of processors and cgroup limit
     * @param fraction          the configured fraction offered
     * @param maxMillicores     the configured maximum
     * @param offered           what is offered, never negative
     */
    record Figures(int processors, long cgroupMillicores, long machineMillicores, double fraction,
            long maxMillicores, long offered) {
    }

    private final Figures figures;

    /** The capacity of this machine. */
    CpuCapacity(double fraction, long maxMillicores) {
        this(fraction, maxMillicores, CGROUP_CPU_MAX, Runtime.getRuntime()::availableProcessors);
    }

    /** As above, with the {@code cpu.max} file and the processor count given. */
    CpuCapacity(double fraction, long maxMillicores, Path cpuMax, IntSupplier processors) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be between 0 and 1, got " + fraction);
        }
        if (maxMillicores < 0) {
            throw new IllegalArgumentException("max.millicores cannot be negative, got " + maxMillicores);
        }
        int cpus = Math.max(0, processors.getAsInt());
        long ofProcessors = cpus * 1000L;
        long cgroup = cgroupLimit(cpuMax);
        long machine = cgroup < 0 ? ofProcessors : Math.min(ofProcessors, cgroup);
        long offered = Math.max(0, Math.min(maxMillicores, (long) Math.floor(machine * fraction)));
        this.figures = new Figures(cpus, cgroup, machine, fraction, maxMillicores, offered);
    }

    /** @return the millicores offered */
    long total() {
        return figures.offered();
    }

    /** @return the figures behind the offer */
    Figures figures() {
        return figures;
    }

    /** @return the limit {@code cpuMax} sets in millicores, or -1 if none, missing or unusable */
    static long cgroupLimit(Path cpuMax) {
        if (cpuMax == null) {
            return -1;
        }
        String content;
        try {
            if (!Files.isRegularFile(cpuMax) || Files.size(cpuMax) > MAX_FILE_CHARS) {
                if (Files.exists(cpuMax)) {
                    LOG.warn("Ignoring the cgroup CPU limit in {}: not a small regular file", cpuMax);
                } else {
                    LOG.debug("No cgroup v2 CPU limit at {}", cpuMax);
                }
                return -1;
            }
            content = Files.readString(cpuMax, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException missing) {
            LOG.debug("No cgroup v2 CPU limit at {}", cpuMax);
            return -1;
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("Ignoring the cgroup CPU limit in {}: cannot read it ({})", cpuMax, unreadable.toString());
            return -1;
        }
        try {
            return parseCpuMax(content);
        } catch (IllegalArgumentException garbage) {
            LOG.warn("Ignoring the cgroup CPU limit in {}: {}", cpuMax, garbage.getMessage());
            return -1;
        }
    }

    /**
     * Parses {@code cpu.max} content.
     *
     * @return the limit in millicores (rounded down), or -1 for {@code max}
     * @throws IllegalArgumentException if it is not {@code max|<quota> <period>}
     */
    static long parseCpuMax(String content) {
        String[] fields = content == null ? new String[0] : content.trim().split("\\s+");
        if (fields.length != 2) {
            throw new IllegalArgumentException("expected 'max <period>' or '<quota> <period>', got '"
                    + abbreviate(content) + "'");
        }
        long period = positive(fields[1], "period", content);
        if ("max".equals(fields[0])) {
            return -1;
        }
        long quota = positive(fields[0], "quota", content);
        try {
            return Math.multiplyExact(quota, 1000L) / period;
        } catch (ArithmeticException huge) {
            return Long.MAX_VALUE / period;
        }
    }

    private static long positive(String field, String what, String content) {
        long value;
        try {
            value = Long.parseLong(field);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("the " + what + " is not a number in '" + abbreviate(content) + "'");
        }
        if (value <= 0) {
            throw new IllegalArgumentException("the " + what + " must be positive in '" + abbreviate(content) + "'");
        }
        return value;
    }

    private static String abbreviate(String content) {
        if (content == null) {
            return "";
        }
        String line = content.strip().replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }
}
