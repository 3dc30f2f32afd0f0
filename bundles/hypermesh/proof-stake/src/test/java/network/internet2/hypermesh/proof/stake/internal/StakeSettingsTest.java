package network.internet2.hypermesh.proof.stake.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.file.Path;

import org.junit.Test;

import network.internet2.hypermesh.proof.stake.StakeLedger;
import network.internet2.trustchain.crypto.Algorithms;

/** Configuration: defaults, the karaf.data placeholder, and refusals that name the key. */
public class StakeSettingsTest {

    @Test
    public void placesTheLedgerUnderKarafDataByDefault() {
        StakeSettings settings = StakeSettings.of(StakeSettings.DEFAULT_DIRECTORY, Algorithms.ECDSA_P256, 1000, 100,
                "/srv/karaf/data");
        assertEquals(Path.of("/srv/karaf/data/internet2/proof/stake"), settings.directory());
        assertEquals(Path.of("/var/stake"), StakeSettings.of(" /var/stake ", Algorithms.FALCON_1024, 1, 0, null)
                .directory());
    }

    @Test
    public void refusesEachBadSettingNamingItsKey() {
        assertRefused("storage.directory must name a folder (default ${karaf.data}/internet2/proof/stake), not be "
                + "empty", () -> StakeSettings.of(" ", Algorithms.ECDSA_P256, 1000, 100, "/d"));
        assertRefused("signature.algorithm must be one of ECDSA-P256-SHA256, ECDSA-P384-SHA384, Ed25519, FALCON-1024, "
                + "ML-DSA-87, not 'RSA'", () -> StakeSettings.of("/d", "RSA", 1000, 100, "/d"));
        assertRefused("signature.algorithm must be one of ECDSA-P256-SHA256, ECDSA-P384-SHA384, Ed25519, FALCON-1024, "
                + "ML-DSA-87, not 'X25519'", () -> StakeSettings.of("/d", Algorithms.X25519, 1000, 100, "/d"));
        assertRefused("minimum.stake must be between 1 and " + StakeLedger.MAX_STAKE + ", not 0",
                () -> StakeSettings.of("/d", Algorithms.ECDSA_P256, 0, 100, "/d"));
        assertRefused("minimum.stake must be between 1 and " + StakeLedger.MAX_STAKE + ", not " + Long.MAX_VALUE,
                () -> StakeSettings.of("/d", Algorithms.ECDSA_P256, Long.MAX_VALUE, 100, "/d"));
        assertRefused("max.height.lag must be 0 (a proof must name the current height) or more, not -1",
                () -> StakeSettings.of("/d", Algorithms.ECDSA_P256, 1000, -1, "/d"));
        assertRefused("signature.algorithm must be one of ECDSA-P256-SHA256, ECDSA-P384-SHA384, Ed25519, FALCON-1024, "
                + "ML-DSA-87, not 'null'", () -> StakeSettings.of("/d", null, 1000, 100, "/d"));
    }

    private static void assertRefused(String message, org.junit.function.ThrowingRunnable settings) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, settings).getMessage());
    }
}
