package network.internet2.management.metrics.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The process's resident set size ({@code process.memory.resident}, bytes), read from
 * {@code /proc/self/status} (Linux; NaN elsewhere) — the figure the stack's memory budget is stated in.
 */
final class ProcessMemoryMetrics implements MeterBinder {

    private static final Path STATUS = Path.of("/proc/self/status");

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("process.memory.resident", ProcessMemoryMetrics::residentBytes)
                .description("Resident set size of the node's process (VmRSS)").baseUnit(BaseUnits.BYTES)
                .register(registry);
    }

    static double residentBytes() {
        try {
            return parseResidentBytes(Files.readString(STATUS, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** VmRSS from a {@code /proc/<pid>/status} text, in bytes; NaN when absent. */
    static double parseResidentBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024.0 : value;
            }
        }
        return Double.NaN;
    }
}
