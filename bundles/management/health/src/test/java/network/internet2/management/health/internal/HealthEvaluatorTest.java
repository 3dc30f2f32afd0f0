package network.internet2.management.health.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import network.internet2.management.health.internal.FrameworkSnapshot.BundleState;
import network.internet2.management.health.internal.FrameworkSnapshot.ComponentState;

public class HealthEvaluatorTest {

    private static final String CA = "network.internet2.trustchain.ca.CertificateAuthority";
    private static final String CT = "network.internet2.trustchain.ct.TransparencyLog";
    private static final String NAMES = "network.internet2.trustchain.dns.NameService";

    @Test
    public void layerWithOnlyApiBundlesIsAbsentNotOk() {
        Map<String, Object> answer = HealthEvaluator.evaluate(new FrameworkSnapshot(List.of(
                new BundleState("network.internet2.stoq.api", "ACTIVE", false),
                new BundleState("network.internet2.trustchain.ca.api", "ACTIVE", false)), Set.of(), List.of()));

        assertEquals("ok", answer.get("status"));
        assertEquals("absent", layer(answer, "stoq").get("status"));
        assertEquals("absent", layer(answer, "trustchain").get("status"));
        assertEquals("absent", layer(answer, "hypermesh").get("status"));
    }

    @Test
    public void layerWithRunningBundlesAndWorkingComponentsIsOkAndListsItsServices() {
        Map<String, Object> answer = HealthEvaluator.evaluate(new FrameworkSnapshot(List.of(
                new BundleState("network.internet2.trustchain.ca", "ACTIVE", false),
                new BundleState("network.internet2.trustchain.ct", "ACTIVE", false)), Set.of(CA, CT),
                List.of(new ComponentState("network.internet2.trustchain.ca", "ca", true, "active"))));

        Map<String, Object> trustchain = layer(answer, "trustchain");
        assertEquals("ok", trustchain.get("status"));
        assertEquals(Map.of(CA, true, CT, true, NAMES, false), trustchain.get("services"));
        assertEquals("ok", answer.get("status"));
    }

    @Test
    public void stoppedBundleOrUnsatisfiedComponentDegradesLayerAndNode() {
        Map<String, Object> answer = HealthEvaluator.evaluate(new FrameworkSnapshot(List.of(
                new BundleState("network.internet2.trustchain.ca", "RESOLVED", false),
                new BundleState("network.internet2.trustchain.ct", "ACTIVE", false)), Set.of(CT),
                List.of(new ComponentState("network.internet2.trustchain.ct", "ct-log", false, "missing [suite]"))));

        Map<String, Object> trustchain = layer(answer, "trustchain");
        assertEquals("degraded", trustchain.get("status"));
        assertEquals("degraded", answer.get("status"));
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) trustchain.get("problems");
        assertEquals(List.of("bundle network.internet2.trustchain.ca is RESOLVED",
                "component ct-log is missing [suite]"), problems);
    }

    @Test
    public void componentsOfOtherBundlesDoNotAffectTheLayer() {
        Map<String, Object> answer = HealthEvaluator.evaluate(new FrameworkSnapshot(List.of(
                new BundleState("network.internet2.stoq.transport", "ACTIVE", false)), Set.of(),
                List.of(new ComponentState("org.apache.karaf.shell.core", "broken", false, "missing [x]"))));

        assertEquals("ok", layer(answer, "stoq").get("status"));
    }

    @Test
    public void resolvedFragmentCountsAsRunning() {
        Map<String, Object> answer = HealthEvaluator.evaluate(new FrameworkSnapshot(List.of(
                new BundleState("network.internet2.stoq.transport", "ACTIVE", false),
                new BundleState("network.internet2.stoq.native", "RESOLVED", true)),
                Set.of("network.internet2.stoq.StoqTransport"), List.of()));

        assertEquals("ok", layer(answer, "stoq").get("status"));
        assertFalse(layer(answer, "stoq").containsKey("problems"));
        assertTrue((Boolean) ((Map<?, ?>) layer(answer, "stoq").get("services"))
                .get("network.internet2.stoq.StoqTransport"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layer(Map<String, Object> answer, String id) {
        return (Map<String, Object>) ((Map<String, Object>) answer.get("layers")).get(id);
    }
}
