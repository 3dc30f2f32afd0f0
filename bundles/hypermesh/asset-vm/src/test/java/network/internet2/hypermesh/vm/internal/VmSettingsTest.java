package network.internet2.hypermesh.vm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import network.internet2.hypermesh.vm.VmRequest;

public class VmSettingsTest {

    private static final long MIB = 1024 * 1024;

    /** The configuration DS would give: the declared defaults, overridden by {@code values}. */
    static VmAssetAdapter.Config config(Map<String, Object> values) {
        return (VmAssetAdapter.Config) Proxy.newProxyInstance(VmAssetAdapter.Config.class.getClassLoader(),
                new Class<?>[] {VmAssetAdapter.Config.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return method.getName().equals("annotationType") ? VmAssetAdapter.Config.class : null;
                });
    }

    private static VmRequest request(long maxInstructions, Duration wallClock) {
        return new VmRequest(new byte[0], List.of(), null, null, maxInstructions, wallClock);
    }

    @Test
    public void defaultsFitANodeWithA384MiBHeap() {
        VmSettings defaults = VmSettings.of(config(Map.of()));
        assertEquals(128 * MIB, defaults.maxMemoryBytes());
        assertEquals(128 * MIB, defaults.offeredBytes(384 * MIB));
        assertEquals("never more than half the heap, in whole pages", 50 * MIB, defaults.offeredBytes(100 * MIB));
        assertEquals(0, defaults.offeredBytes(65535));
        assertEquals(Duration.ofSeconds(10), defaults.defaultWallClock());
        assertEquals(10_000, defaults.checkpointInterval());
    }

    @Test
    public void namesTheKeyOfEveryValueOutOfRange() {
        Map<String, Object[]> wrong = Map.of(
                "max.memory.bytes", new Object[] {"max_memory_bytes", -1L},
                "max.instructions", new Object[] {"max_instructions", 0L},
                "default.instructions", new Object[] {"default_instructions", 60_000_000_000L},
                "default.wall.clock.ms", new Object[] {"default_wall_clock_ms", 400_000L},
                "max.wall.clock.ms", new Object[] {"max_wall_clock_ms", -5L},
                "checkpoint.interval", new Object[] {"checkpoint_interval", 10},
                "max.concurrent.runs", new Object[] {"max_concurrent_runs", 0},
                "max.code.bytes", new Object[] {"max_code_bytes", 17 * 1024 * 1024});
        wrong.forEach((key, method) -> {
            IllegalArgumentException refused = assertThrows(key, IllegalArgumentException.class,
                    () -> VmSettings.of(config(Map.of((String) method[0], method[1]))));
            assertTrue(refused.getMessage(), refused.getMessage().contains(key + " "));
            assertTrue(refused.getMessage(), refused.getMessage().contains(VmAssetAdapter.PID));
        });
        IllegalArgumentException tooMuch = assertThrows(IllegalArgumentException.class,
                () -> VmSettings.of(config(Map.of("max_memory_bytes", 4L << 30))));
        assertTrue(tooMuch.getMessage(), tooMuch.getMessage().contains("max.memory.bytes"));
    }

    @Test
    public void resolvesZeroToTheDefaultAndRefusesLimitsOutOfRange() {
        VmSettings settings = VmSettings.of(config(Map.of()));
        assertEquals(1_000_000_000L, settings.instructionLimit(request(0, Duration.ZERO)));
        assertEquals(42, settings.instructionLimit(request(42, Duration.ZERO)));
        assertEquals(Duration.ofSeconds(10), settings.wallClockLimit(request(0, Duration.ZERO)));
        assertEquals(Duration.ofMillis(5), settings.wallClockLimit(request(0, Duration.ofMillis(5))));
        assertThrows(IllegalArgumentException.class, () -> settings.instructionLimit(request(-1, Duration.ZERO)));
        assertThrows(IllegalArgumentException.class,
                () -> settings.instructionLimit(request(50_000_000_001L, Duration.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> settings.wallClockLimit(request(0, Duration.ofMillis(-1))));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> settings.wallClockLimit(request(0, Duration.ofMinutes(6))));
        assertTrue(tooLong.getMessage(), tooLong.getMessage().contains("PT5M"));
    }
}
