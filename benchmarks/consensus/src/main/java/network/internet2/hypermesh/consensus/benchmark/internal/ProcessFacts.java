package network.internet2.hypermesh.consensus.benchmark.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What /proc says about this JVM and the machine (Linux; "unknown" elsewhere). */
final class ProcessFacts {

    private ProcessFacts() {
    }

    /** @return VmRSS from /proc/self/status */
    static String residentMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kib >> 10) + " MiB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "unknown";
    }

    /** @return the 1, 5 and 15 minute load averages */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** @return the CPU's model name */
    static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    /** @return resident memory and heap now, and both after a GC */
    static String memoryLine() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        String rss = residentMemory();
        System.gc();
        MemoryUsage afterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return String.format(Locale.ROOT, "memory after the run: resident (VmRSS) %s; heap %d MiB used of %d MiB "
                + "committed (%d MiB used after a GC); resident after the GC %s", rss, heap.getUsed() >> 20,
                heap.getCommitted() >> 20, afterGc.getUsed() >> 20, residentMemory());
    }
}
