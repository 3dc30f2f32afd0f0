package network.internet2.management.shell.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The node's memory at one moment, in bytes.
 *
 * @param resident      the process's resident set ({@code VmRSS}), or {@link #UNKNOWN} where the system does not say
 * @param heapUsed      the Java heap in use
 * @param heapCommitted the Java heap the JVM holds from the system
 * @param heapMax       the largest the heap may grow, or {@link #UNKNOWN} if unbounded
 */
record NodeMemory(long resident, long heapUsed, long heapCommitted, long heapMax) {

    static final long UNKNOWN = -1;

    private static final Path PROCESS_STATUS = Path.of("/proc/self/status");
    private static final String RESIDENT_LINE = "VmRSS:";

    /** @return this process's memory now */
    static NodeMemory now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new NodeMemory(residentNow(), heap.getUsed(), heap.getCommitted(),
                heap.getMax() < 0 ? UNKNOWN : heap.getMax());
    }

    private static long residentNow() {
        try {
            return resident(Files.readAllLines(PROCESS_STATUS, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN; // not Linux, or /proc not readable: the table says "unknown"
        }
    }

    /**
     * @param processStatus the lines of {@code /proc/<pid>/status}
     * @return the resident set in bytes from its {@code VmRSS: 123456 kB} line, or {@link #UNKNOWN} without one
     */
    static long resident(List<String> processStatus) {
        for (String line : processStatus) {
            if (line.startsWith(RESIDENT_LINE)) {
                String[] amount = line.substring(RESIDENT_LINE.length()).trim().split("\\s+");
                long kibibytes = Long.parseLong(amount[0]);
                return amount.length > 1 && amount[1].equalsIgnoreCase("kB") ? kibibytes * 1024 : kibibytes;
            }
        }
        return UNKNOWN;
    }
}
