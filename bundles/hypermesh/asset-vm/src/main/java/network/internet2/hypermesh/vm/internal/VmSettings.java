package network.internet2.hypermesh.vm.internal;

import java.time.Duration;

import network.internet2.hypermesh.vm.VmAccess;
import network.internet2.hypermesh.vm.VmRequest;

/**
 * The VM adapter's settings, checked: every value is in range, or the
 * constructor says which configuration key is wrong and why. Also resolves a
 * request's limits against them (zero means the default).
 *
 * @param maxMemoryBytes       {@code max.memory.bytes}: the linear memory offered to all VM allocations
 * @param defaultInstructions  {@code default.instructions}: the instruction limit of a request that gives none
 * @param maxInstructions      {@code max.instructions}: the highest instruction limit a request may ask for
 * @param defaultWallClock     {@code default.wall.clock.ms}: the wall-clock limit of a request that gives none
 * @param maxWallClock         {@code max.wall.clock.ms}: the longest wall-clock limit a request may ask for
 * @param checkpointInterval   {@code checkpoint.interval}: instructions between two checks of the wall
 *                             clock, stop requests and the CPU share
 * @param maxConcurrentRuns    {@code max.concurrent.runs}: modules run at once without a CPU allocation
 * @param maxCodeBytes         {@code max.code.bytes}: the largest code section accepted
 */
record VmSettings(long maxMemoryBytes, long defaultInstructions, long maxInstructions, Duration defaultWallClock,
        Duration maxWallClock, int checkpointInterval, int maxConcurrentRuns, int maxCodeBytes) {

    /** One WebAssembly page: allocations and memory limits are multiples of it. */
    static final int PAGE_BYTES = 65536;
    /** The most pages Chicory can hold in one memory (its byte arrays are indexed by int). */
    static final int RUNTIME_MAX_PAGES = 32767;
    /** The longest interval between checks: a stop waits at most this many instructions. */
    static final int MAX_CHECKPOINT_INTERVAL = 1_000_000;
    /** The shortest interval between checks: below it the checks cost more than the work. */
    static final int MIN_CHECKPOINT_INTERVAL = 100;

    VmSettings {
        if (maxMemoryBytes < 0 || maxMemoryBytes > (long) RUNTIME_MAX_PAGES * PAGE_BYTES) {
            throw invalid("max.memory.bytes", "must be between 0 and " + (long) RUNTIME_MAX_PAGES * PAGE_BYTES
                    + " (the WebAssembly runtime's limit)", maxMemoryBytes);
        }
        positive("max.instructions", maxInstructions);
        positive("default.instructions", defaultInstructions);
        if (defaultInstructions > maxInstructions) {
            throw invalid("default.instructions", "cannot exceed max.instructions (" + maxInstructions + ")",
                    defaultInstructions);
        }
        positive("max.wall.clock.ms", maxWallClock.toMillis());
        positive("default.wall.clock.ms", defaultWallClock.toMillis());
        if (defaultWallClock.compareTo(maxWallClock) > 0) {
            throw invalid("default.wall.clock.ms", "cannot exceed max.wall.clock.ms (" + maxWallClock.toMillis()
                    + ")", defaultWallClock.toMillis());
        }
        if (checkpointInterval < MIN_CHECKPOINT_INTERVAL || checkpointInterval > MAX_CHECKPOINT_INTERVAL) {
            throw invalid("checkpoint.interval", "must be between " + MIN_CHECKPOINT_INTERVAL + " and "
                    + MAX_CHECKPOINT_INTERVAL + " instructions", checkpointInterval);
        }
        positive("max.concurrent.runs", maxConcurrentRuns);
        if (maxCodeBytes <= 0 || maxCodeBytes > VmAccess.MAX_MODULE_BYTES) {
            throw invalid("max.code.bytes", "must be between 1 and " + VmAccess.MAX_MODULE_BYTES, maxCodeBytes);
        }
    }

    /** The settings of a configuration, with the keys named in any error. */
    static VmSettings of(VmAssetAdapter.Config config) {
        return new VmSettings(config.max_memory_bytes(), config.default_instructions(), config.max_instructions(),
                millis("default.wall.clock.ms", config.default_wall_clock_ms()),
                millis("max.wall.clock.ms", config.max_wall_clock_ms()), config.checkpoint_interval(),
                config.max_concurrent_runs(), config.max_code_bytes());
    }

    /**
     * @param heapBytes the JVM's maximum heap
     * @return the linear memory offered: the configured maximum, but at most half the heap (where linear
     *         memory lives), in whole pages
     */
    long offeredBytes(long heapBytes) {
        long bound = Math.min(maxMemoryBytes, Math.max(0, heapBytes / 2));
        return bound / PAGE_BYTES * PAGE_BYTES;
    }

    /**
     * @return the request's instruction limit, or the default where it gives 0
     * @throws IllegalArgumentException if it is negative or above {@link #maxInstructions}
     */
    long instructionLimit(VmRequest request) {
        long asked = request.maxInstructions();
        if (asked == 0) {
            return defaultInstructions;
        }
        if (asked < 0 || asked > maxInstructions) {
            throw new IllegalArgumentException("the instruction limit must be between 1 and " + maxInstructions
                    + " (0 for the default of " + defaultInstructions + "), got " + asked);
        }
        return asked;
    }

    /**
     * @return the request's wall-clock limit, or the default where it gives zero
     * @throws IllegalArgumentException if it is negative or above {@link #maxWallClock}
     */
    Duration wallClockLimit(VmRequest request) {
        Duration asked = request.wallClockLimit();
        if (asked.isZero()) {
            return defaultWallClock;
        }
        if (asked.isNegative() || asked.compareTo(maxWallClock) > 0) {
            throw new IllegalArgumentException("the wall-clock limit must be positive and at most " + maxWallClock
                    + " (zero for the default of " + defaultWallClock + "), got " + asked);
        }
        return asked;
    }

    private static Duration millis(String key, long value) {
        positive(key, value);
        return Duration.ofMillis(value);
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw invalid(key, "must be positive", value);
        }
    }

    private static IllegalArgumentException invalid(String key, String rule, long value) {
        return new IllegalArgumentException("configuration " + VmAssetAdapter.PID + ": " + key + " " + rule
                + ", got " + value);
    }
}
