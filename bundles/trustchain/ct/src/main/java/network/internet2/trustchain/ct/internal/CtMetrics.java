package network.internet2.trustchain.ct.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

import network.internet2.trustchain.ct.TransparencyLog;

/**
 * The CT log's meters in the node's registry:
 * <ul>
 * <li>{@value #TREE_SIZE}: entries stored durably in the tree (what the next tree head covers);</li>
 * <li>{@value #TREE_HEAD_AGE}: how long ago the latest signed tree head was made, in seconds (it grows up to
 * the tree-head interval while entries arrive, and up to half the maximum merge delay when none do; more
 * means the signer is stuck);</li>
 * <li>{@value #APPENDS}: entries appended since this component started.</li>
 * </ul>
 * Every meter is removed when this component stops.
 */
@Component(immediate = true)
public class CtMetrics {

    static final String TREE_SIZE = "trustchain.ct.tree.size";
    static final String TREE_HEAD_AGE = "trustchain.ct.sth.age";
    static final String APPENDS = "trustchain.ct.appends";

    private final MeterRegistry registry;
    private final CtLog log;
    private final List<Meter> meters;

    @Activate
    public CtMetrics(@Reference MeterRegistry registry,
            @Reference(target = "(component.name=network.internet2.trustchain.ct.internal.CtLogComponent)")
            TransparencyLog log) {
        this(registry, ((CtLogComponent) log).log());
    }

    CtMetrics(MeterRegistry registry, CtLog log) {
        this.registry = registry;
        this.log = log;
        Counter appends = Counter.builder(APPENDS)
                .description("Entries appended to the CT log's tree")
                .register(registry);
        this.meters = List.of(
                Gauge.builder(TREE_SIZE, log, CtLog::size)
                        .description("Entries in the CT log's tree (durable; the next tree head's size)")
                        .register(registry),
                TimeGauge.builder(TREE_HEAD_AGE, log, TimeUnit.MILLISECONDS,
                                current -> current.treeHeadAge().toMillis())
                        .description("Time since the CT log's latest signed tree head (STH) was made")
                        .register(registry),
                appends);
        log.observe(appends::increment);
    }

    @Deactivate
    void deactivate() {
        log.observe(AppendObserver.NONE);
        meters.forEach(registry::remove);
    }
}
