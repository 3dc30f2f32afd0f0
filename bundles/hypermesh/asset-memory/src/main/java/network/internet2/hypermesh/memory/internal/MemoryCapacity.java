package network.internet2.hypermesh.memory.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much memory this machine offers: the least of the configured maximum,
 * the configured fraction of physical memory, and the space the backing tmpfs
 * can still give (its free space plus what our own regions already hold, since
 * those are part of the offer, not taken from it). Unknown figures count as
 * zero, so the offer is never more than the machine can be seen to have.
 *
 * <p>Physical memory comes from the platform's
 * {@code com.sun.management.OperatingSystemMXBean}, read as the attributes
 * {@code TotalMemorySize}/{@code FreeMemorySize} (container-aware since Java 14;
 * {@code TotalPhysicalMemorySize}/{@code FreePhysicalMemorySize} as fallback) of
 * {@code java.lang:type=OperatingSystem} through the platform MBean server:
 * {@code com.sun.management} is boot-delegated but not exported by the
 * framework, so a compile-time reference would add an Import-Package no bundle
 * can satisfy.
 */
final class MemoryCapacity {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryCapacity.class);

    /**
     * What the capacity was made of when it was computed.
     *
     * @param physicalTotal the machine's memory in bytes, or -1 if unknown
     * @param physicalFree  its free memory in bytes, or -1 if unknown
     * @param backingFree   the backing folder's usable space in bytes, or -1 if unknown
     * @param used          the bytes our regions hold
     * @param maxBytes      the configured maximum
     * @param fraction      the configured fraction of physical memory
     * @param offered       what is offered: the least of the limits, never negative
     */
    record Figures(long physicalTotal, long physicalFree, long backingFree, long used, long maxBytes,
            double fraction, long offered) {
    }

    private final long maxBytes;
    private final double fraction;
    private final Path backing;
    private final LongSupplier used;
    private final LongSupplier physicalTotal;
    private final LongSupplier physicalFree;

    /**
     * @param maxBytes the most ever offered, at least 0
     * @param fraction the share of physical memory offered, between 0 and 1
     * @param backing  the folder the regions live in
     * @param used     the bytes the regions hold now
     */
    MemoryCapacity(long maxBytes, double fraction, Path backing, LongSupplier used) {
        this(maxBytes, fraction, backing, used, () -> osAttribute("TotalMemorySize", "TotalPhysicalMemorySize"),
                () -> osAttribute("FreeMemorySize", "FreePhysicalMemorySize"));
    }

    /** As above, with the physical memory figures given (-1 for unknown). */
    MemoryCapacity(long maxBytes, double fraction, Path backing, LongSupplier used, LongSupplier physicalTotal,
            LongSupplier physicalFree) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("max.bytes cannot be negative, got " + maxBytes);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("physical.fraction must be between 0 and 1, got " + fraction);
        }
        this.maxBytes = maxBytes;
        this.fraction = fraction;
        this.backing = backing;
        this.used = used;
        this.physicalTotal = physicalTotal;
        this.physicalFree = physicalFree;
    }

    /** @return the bytes offered now */
    long total() {
        return figures().offered();
    }

    /** @return the figures behind the offer, discovered now */
    Figures figures() {
        long physical = physicalTotal.getAsLong();
        long free = physicalFree.getAsLong();
        long backingFree = backingFree();
        long inUse = Math.max(0, used.getAsLong());
        long ofPhysical = physical <= 0 ? 0 : (long) Math.floor(physical * fraction);
        long ofBacking = backingFree < 0 ? 0 : saturatedAdd(backingFree, inUse);
        long offered = Math.max(0, Math.min(maxBytes, Math.min(ofPhysical, ofBacking)));
        return new Figures(physical, free, backingFree, inUse, maxBytes, fraction, offered);
    }

    private long backingFree() {
        try {
            return Files.getFileStore(backing).getUsableSpace();
        } catch (IOException | RuntimeException unknown) {
            LOG.debug("Cannot read the free space of {}: {}", backing, unknown.toString());
            return -1;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** @return the first of the named long attributes of the platform's OperatingSystem MXBean, or -1 */
    static long osAttribute(String... names) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (String name : names) {
            try {
                Object value = server.getAttribute(new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME),
                        name);
                if (value instanceof Number number && number.longValue() >= 0) {
                    return number.longValue();
                }
            } catch (JMException | RuntimeException unavailable) {
                LOG.debug("No {} on the OperatingSystem MXBean: {}", name, unavailable.toString());
            }
        }
        return -1;
    }
}
