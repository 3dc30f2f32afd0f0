package network.internet2.management.metrics.internal;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Creates the node's Prometheus registry with the JVM's meters bound, and registers it as
 * {@link MeterRegistry} and {@link PrometheusMeterRegistry}. Registered by hand rather than as the
 * component's service so the service object is the registry itself, which layers record into.
 */
@Component(immediate = true)
public class NodeMeterRegistry {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final ServiceRegistration<?> registration;

    @Activate
    public NodeMeterRegistry(BundleContext context) {
        List<MeterBinder> binders = List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics(), new ProcessMemoryMetrics());
        binders.forEach(binder -> binder.bindTo(registry));
        registration = context.registerService(
                new String[] {MeterRegistry.class.getName(), PrometheusMeterRegistry.class.getName()}, registry, null);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        gc.close();
        registry.close();
    }
}
