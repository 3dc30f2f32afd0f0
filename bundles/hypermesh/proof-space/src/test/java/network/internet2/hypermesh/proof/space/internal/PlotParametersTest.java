package network.internet2.hypermesh.proof.space.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.Test;

public class PlotParametersTest {

    private static final Path DIR = Path.of("/tmp/proof-space-test");

    private static PlotParameters of(String identity, long blocks, int work, int challenges, int cacheFrom,
            int threads, long leaseSeconds) {
        return new PlotParameters(identity, blocks, work, challenges, cacheFrom, threads,
                Duration.ofSeconds(leaseSeconds), DIR);
    }

    private static void refusedNaming(String key, Runnable make) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, make::run);
        assertTrue(refused.getMessage(), refused.getMessage().startsWith(key + " "));
    }

    @Test
    public void acceptsTheDefaults() {
        PlotParameters defaults = of("node1.internet2.network", 16384, 2048, 16, 4, 1, 3600);
        assertEquals(16384L * 4096, defaults.blockBytes());
        assertEquals(16384L * (4096 + 32), defaults.allocationBytes());
    }

    @Test
    public void refusesBadSettingsNamingTheKey() {
        refusedNaming("node.identity", () -> of("", 16, 1, 1, 0, 1, 60));
        refusedNaming("node.identity", () -> of("node 1", 16, 1, 1, 0, 1, 60));
        refusedNaming("node.identity", () -> of(null, 16, 1, 1, 0, 1, 60));
        refusedNaming("plot.blocks", () -> of("n", 0, 1, 1, 0, 1, 60));
        refusedNaming("plot.blocks", () -> of("n", (1L << 32) + 1, 1, 1, 16, 1, 60));
        refusedNaming("plot.work.factor", () -> of("n", 16, 0, 1, 0, 1, 60));
        refusedNaming("plot.work.factor", () -> of("n", 16, (1 << 24) + 1, 1, 0, 1, 60));
        refusedNaming("challenges", () -> of("n", 16, 1, 0, 0, 1, 60));
        refusedNaming("challenges", () -> of("n", 16, 1, 1025, 0, 1, 60));
        refusedNaming("merkle.cache.from.level", () -> of("n", 16, 1, 1, -1, 1, 60));
        refusedNaming("merkle.cache.from.level", () -> of("n", 16, 1, 1, 17, 1, 60));
        refusedNaming("plot.threads", () -> of("n", 16, 1, 1, 0, 0, 60));
        refusedNaming("plot.threads", () -> of("n", 16, 1, 1, 0, 65, 60));
        refusedNaming("storage.lease.seconds", () -> of("n", 16, 1, 1, 0, 1, 59));
        refusedNaming("storage.directory",
                () -> new PlotParameters("n", 16, 1, 1, 0, 1, Duration.ofMinutes(1), null));
        refusedNaming("storage.directory", () -> PlotParameters.directory(" ", "/data"));
    }

    @Test
    public void refusesMoreCachedMerkleNodesThanAllowedAndSaysWhatWouldDo() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> of("n", 1L << 32, 1, 16, 4, 1, 3600));
        assertTrue(refused.getMessage(), refused.getMessage().startsWith("merkle.cache.from.level 4 keeps"));
        assertTrue(refused.getMessage(), refused.getMessage().endsWith("set it to at least 10"));
        of("n", 1L << 32, 1, 16, 10, 1, 3600);
    }

    @Test
    public void replacesTheKarafDataPlaceholder() {
        assertEquals(Path.of("/srv/karaf/data/internet2/proof/space"),
                PlotParameters.directory("${karaf.data}/internet2/proof/space", "/srv/karaf/data"));
        assertEquals(Path.of("data/x").toAbsolutePath(), PlotParameters.directory("${karaf.data}/x", null));
        assertEquals(Path.of("/elsewhere"), PlotParameters.directory("/elsewhere", "/srv/karaf/data"));
    }
}
