package network.internet2.hypermesh.proof.work.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;

import org.junit.Test;

public class WorkSettingsTest {

    private static WorkProofEngine.Config config(int bits, int minimum, long attempts, long millis) {
        return new WorkProofEngine.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WorkProofEngine.Config.class;
            }

            @Override
            public int difficulty_bits() {
                return bits;
            }

            @Override
            public int min_difficulty_bits() {
                return minimum;
            }

            @Override
            public long max_attempts() {
                return attempts;
            }

            @Override
            public long max_millis() {
                return millis;
            }
        };
    }

    private static Object defaultOf(String attribute) throws NoSuchMethodException {
        return WorkProofEngine.Config.class.getDeclaredMethod(attribute).getDefaultValue();
    }

    private static void assertRefused(WorkProofEngine.Config config, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkSettings.from(config));
        for (String part : parts) {
            assertTrue("'" + e.getMessage() + "' should mention '" + part + "'", e.getMessage().contains(part));
        }
    }

    @Test
    public void defaultsAreSixteenBitsAcceptedFromSixteenWithAutomaticBounds() throws Exception {
        WorkSettings settings = WorkSettings.from(config((int) defaultOf("difficulty_bits"),
                (int) defaultOf("min_difficulty_bits"), (long) defaultOf("max_attempts"),
                (long) defaultOf("max_millis")));
        assertEquals(new WorkSettings(16, 16, 1L << 22, 30_000), settings);
    }

    @Test
    public void explicitValuesAreKept() {
        assertEquals(new WorkSettings(24, 20, 5000, 10), WorkSettings.from(config(24, 20, 5000, 10)));
    }

    @Test
    public void refusesDifficultyOutOfRange() {
        assertRefused(config(0, 0, 0, 1000), "difficulty.bits", "not 0");
        assertRefused(config(49, 0, 0, 1000), "difficulty.bits", "48", "not 49");
        assertRefused(config(-3, 0, 0, 1000), "difficulty.bits");
    }

    @Test
    public void refusesAMinimumAboveTheDifficulty() {
        assertRefused(config(16, 17, 0, 1000), "min.difficulty.bits", "not 17", "refuse its own proofs");
        assertRefused(config(16, -1, 0, 1000), "min.difficulty.bits", "not -1");
    }

    @Test
    public void refusesNonPositiveBounds() {
        assertRefused(config(16, 0, -1, 1000), "max.attempts", "not -1");
        assertRefused(config(16, 0, 0, 0), "max.millis", "not 0");
        assertRefused(config(16, 0, 0, -5), "max.millis");
    }
}
