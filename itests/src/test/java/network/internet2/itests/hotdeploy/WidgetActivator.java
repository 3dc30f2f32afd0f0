package network.internet2.itests.hotdeploy;

import java.util.Hashtable;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import network.internet2.hypermesh.asset.AssetAdapter;

/**
 * Starts the hot-deployed widget bundle: registers a {@link WidgetAdapter}
 * with {@code asset.kind=widget}, and its holdings as a
 * {@code Supplier<Map<String, Long>>} with {@value #HOLDINGS_PROPERTY}{@code =true}
 * (a JDK type, so that the test can read it across class loaders). An
 * activator, not DS, so that the bundle needs nothing but the asset API and
 * the framework.
 */
public final class WidgetActivator implements BundleActivator {

    /** Service property marking the holdings supplier. */
    public static final String HOLDINGS_PROPERTY = "widget.holdings";

    /** How many widgets the adapter offers. */
    public static final long CAPACITY = 10;

    private ServiceRegistration<AssetAdapter> adapter;
    private ServiceRegistration<?> holdings;

    @Override
    public void start(BundleContext context) {
        WidgetAdapter widgets = new WidgetAdapter(CAPACITY);
        Supplier<Map<String, Long>> view = widgets::holdings;
        holdings = context.registerService(Supplier.class.getName(), view,
                new Hashtable<>(Map.of(HOLDINGS_PROPERTY, Boolean.TRUE.toString())));
        adapter = context.registerService(AssetAdapter.class, widgets,
                new Hashtable<>(Map.of(AssetAdapter.KIND_PROPERTY, WidgetAdapter.KIND)));
    }

    @Override
    public void stop(BundleContext context) {
        adapter.unregister();
        holdings.unregister();
    }
}
