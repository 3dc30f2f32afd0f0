package network.internet2.itests.hotdeploy;

import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import network.internet2.hypermesh.proof.ProofEngine;

/** Starts the hot-installed proof bundle: registers a {@link HashProofEngine} with {@code proof.type}. */
public final class HashProofActivator implements BundleActivator {

    private ServiceRegistration<ProofEngine> engine;

    @Override
    public void start(BundleContext context) {
        engine = context.registerService(ProofEngine.class, new HashProofEngine(),
                new Hashtable<>(Map.of(ProofEngine.TYPE_PROPERTY, HashProofEngine.TYPE)));
    }

    @Override
    public void stop(BundleContext context) {
        engine.unregister();
    }
}
