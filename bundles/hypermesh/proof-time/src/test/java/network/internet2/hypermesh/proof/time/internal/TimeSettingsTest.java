package network.internet2.hypermesh.proof.time.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;

import org.junit.Test;

public class TimeSettingsTest {

    private static TimeProofEngine.Config config(int iterations, int minIterations, int history, long skew,
            String directory, int maxChains) {
        return new TimeProofEngine.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TimeProofEngine.Config.class;
            }

            @Override
            public int iterations() {
                return iterations;
            }

            @Override
            public int min_iterations() {
                return minIterations;
            }

            @Override
            public int history_size() {
                return history;
            }

            @Override
            public long max_skew_millis() {
                return skew;
            }

            @Override
            public String storage_directory() {
                return directory;
            }

            @Override
            public int max_chains() {
                return maxChains;
            }
        };
    }

    private static Object defaultOf(String attribute) throws NoSuchMethodException {
        return TimeProofEngine.Config.class.getDeclaredMethod(attribute).getDefaultValue();
    }

    private static void assertRefused(TimeProofEngine.Config config, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeSettings.from(config, "/karaf/data"));
        for (String part : parts) {
            assertTrue("'" + e.getMessage() + "' should mention '" + part + "'", e.getMessage().contains(part));
        }
    }

    @Test
    public void defaultsResolveAgainstKarafData() throws Exception {
        TimeSettings settings = TimeSettings.from(config((int) defaultOf("iterations"),
                (int) defaultOf("min_iterations"), (int) defaultOf("history_size"),
                (long) defaultOf("max_skew_millis"), (String) defaultOf("storage_directory"),
                (int) defaultOf("max_chains")), "/opt/karaf/data");
        assertEquals(new TimeSettings(65_536, 65_536, 64, 30_000, Path.of("/opt/karaf/data/internet2/proof/time"),
                16), settings);
    }

    @Test
    public void withoutKarafDataTheWorkingDirectorysDataIsUsed() {
        assertEquals(Path.of("data/internet2/proof/time"), TimeSettings.from(config(2048, 0, 8, 1000,
                "${karaf.data}/internet2/proof/time", 1), null).storageDirectory());
        assertEquals(Path.of("/elsewhere"), TimeSettings.from(config(2048, 0, 8, 1000, " /elsewhere ", 1),
                "/k").storageDirectory());
    }

    @Test
    public void refusesIterationsOutOfRange() {
        assertRefused(config(1023, 0, 64, 1000, "/d", 1), "iterations", "1024", "not 1023");
        assertRefused(config((1 << 28) + 1, 0, 64, 1000, "/d", 1), "iterations", "268435456");
        assertRefused(config(-1, 0, 64, 1000, "/d", 1), "iterations");
    }

    @Test
    public void refusesAMinimumAboveTheIterations() {
        assertRefused(config(2048, 4096, 64, 1000, "/d", 1), "min.iterations", "not 4096", "refuse its own proofs");
        assertRefused(config(2048, -1, 64, 1000, "/d", 1), "min.iterations", "not -1");
    }

    @Test
    public void refusesOtherValuesOutOfRange() {
        assertRefused(config(2048, 0, 0, 1000, "/d", 1), "history.size", "not 0");
        assertRefused(config(2048, 0, 4097, 1000, "/d", 1), "history.size", "not 4097");
        assertRefused(config(2048, 0, 64, 0, "/d", 1), "max.skew.millis", "not 0");
        assertRefused(config(2048, 0, 64, 86_400_001, "/d", 1), "max.skew.millis");
        assertRefused(config(2048, 0, 64, 1000, "  ", 1), "storage.directory");
        assertRefused(config(2048, 0, 64, 1000, null, 1), "storage.directory");
        assertRefused(config(2048, 0, 64, 1000, "/d", 0), "max.chains", "not 0");
    }
}
