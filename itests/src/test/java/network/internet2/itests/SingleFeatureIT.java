package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * Every feature of our repository, one at a time, into a container that does
 * not boot {@code internet2}: it installs without errors, leaves every bundle
 * active (or a resolved fragment), and uninstalls back to exactly the bundles
 * the clean container had, so each feature starts from a clean container.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SingleFeatureIT extends Internet2TestSupport {

    /** Refreshing would also refresh this test's own probe bundle and end the test. */
    private static final EnumSet<FeaturesService.Option> NO_REFRESH =
            EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Override
    protected boolean bootInternet2() {
        return false;
    }

    @Test
    public void everyFeatureInstallsAloneAndUninstallsCleanly() throws Exception {
        List<Feature> ours = ourFeatures();
        assertTrue("our repository lists its features: " + ours, ours.size() >= 10);
        Set<String> clean = bundles();
        List<String> failures = new ArrayList<>();
        for (Feature feature : ours) {
            assertTrue(feature.getName() + " not preinstalled", !featuresService.isInstalled(feature));
            try {
                featuresService.installFeature(feature, NO_REFRESH);
                String notRunning = bundlesNotRunning();
                if (!notRunning.isEmpty()) {
                    failures.add(feature.getName() + ": bundles not running after install: " + notRunning);
                }
                featuresService.uninstallFeature(feature.getName(), feature.getVersion(), NO_REFRESH);
                Set<String> left = bundles();
                if (!left.equals(clean)) {
                    Set<String> added = new TreeSet<>(left);
                    added.removeAll(clean);
                    Set<String> removed = new TreeSet<>(clean);
                    removed.removeAll(left);
                    failures.add(feature.getName() + ": uninstall left " + added + " and removed " + removed);
                }
            } catch (Exception e) {
                failures.add(feature.getName() + ": " + e);
            }
        }
        assertEquals("features that failed alone", List.of(), failures);
    }

    private List<Feature> ourFeatures() throws Exception {
        for (Repository repository : featuresService.listRepositories()) {
            if (repository.getName() != null && repository.getName().startsWith("internet2-")) {
                return List.of(repository.getFeatures());
            }
        }
        throw new AssertionError("our features repository is not registered");
    }

    private Set<String> bundles() {
        Set<String> names = new TreeSet<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            names.add(bundle.getSymbolicName() + "/" + bundle.getVersion());
        }
        return names;
    }

    private String bundlesNotRunning() {
        StringBuilder problems = new StringBuilder();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            if (fragment ? bundle.getState() != Bundle.RESOLVED : bundle.getState() != Bundle.ACTIVE) {
                problems.append(bundle.getSymbolicName()).append('=').append(bundle.getState()).append(' ');
            }
        }
        return problems.toString().trim();
    }
}
