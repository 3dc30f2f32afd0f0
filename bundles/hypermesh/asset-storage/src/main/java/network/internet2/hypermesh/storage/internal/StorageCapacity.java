package network.internet2.hypermesh.storage.internal;

import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * How much storage this machine offers: the lesser of the configured maximum
 * and the configured fraction of the space the storage directory can have,
 * that is its file store's usable space plus what our own files already hold
 * (those are part of the offer, not taken from it). The offer is rounded down
 * to whole blocks. Unknown figures count as zero, so the offer is never more
 * than the machine can be seen to have.
 */
final class StorageCapacity {

    /**
     * What the capacity was made of when it was computed.
     *
     * @param usable   the usable space of the directory's file store in bytes, or -1 if unknown
     * @param held     the bytes our files hold
     * @param maxBytes the configured maximum
     * @param fraction the configured fraction of usable plus held space
     * @param offered  what is offered: the lesser of the limits in whole blocks, never negative
     */
    record Figures(long usable, long held, long maxBytes, double fraction, long offered) {
    }

    private final long maxBytes;
    private final double fraction;
    private final LongSupplier usable;
    private final LongSupplier held;

    /**
     * @param maxBytes  the most ever offered, at least 0
     * @param fraction  the share of the space offered, between 0 and 1
     * @param directory the storage directory, whose file store is asked for its usable space
     * @param held      the bytes our files hold now
     */
    StorageCapacity(long maxBytes, double fraction, Path directory, LongSupplier held) {
        this(maxBytes, fraction, () -> StorageFiles.usableSpace(directory), held);
    }

    /** As above, with the usable space given (-1 for unknown). */
    StorageCapacity(long maxBytes, double fraction, LongSupplier usable, LongSupplier held) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("max.bytes cannot be negative, got " + maxBytes);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("usable.fraction must be between 0 and 1, got " + fraction);
        }
        this.maxBytes = maxBytes;
        this.fraction = fraction;
        this.usable = usable;
        this.held = held;
    }

    /** @return the bytes offered now */
    long total() {
        return figures().offered();
    }

    /** @return the figures behind the offer, discovered now */
    Figures figures() {
        long space = usable.getAsLong();
        long ours = Math.max(0, held.getAsLong());
        long ofSpace = space < 0 ? 0 : (long) Math.floor(saturatedAdd(space, ours) * fraction);
        long offered = Math.max(0, Math.min(maxBytes, ofSpace));
        offered -= offered % StorageFiles.BLOCK_SIZE;
        return new Figures(space, ours, maxBytes, fraction, offered);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
