package network.internet2.hypermesh.cpu.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.Capacity;
import network.internet2.hypermesh.cpu.CpuAccess;
import network.internet2.hypermesh.cpu.CpuBudget;

/**
 * CPU as an asset: each allocation is a share in millicores with a
 * {@link CpuBudget} that runs work within it, offered up to what
 * {@link CpuCapacity} finds. Deactivation releases every allocation,
 * interrupting its running work.
 */
@Component(service = {AssetAdapter.class, CpuAccess.class},
        property = AssetAdapter.KIND_PROPERTY + "=" + CpuAssetAdapter.KIND,
        configurationPid = CpuAssetAdapter.PID)
@Designate(ocd = CpuAssetAdapter.Config.class)
public class CpuAssetAdapter implements AssetAdapter, CpuAccess {

    static final String PID = "network.internet2.hypermesh.asset.cpu";
    static final String KIND = "cpu";
    static final String UNIT = "millicores";

    /** The CPU adapter's settings (PID {@value #PID}). */
    @ObjectClassDefinition(name = "Internet 2.0 HyperMesh CPU asset",
            description = "CPU offered as an asset, in millicores (1000 = one core).")
    @interface Config {
        @AttributeDefinition(description = "The share of the machine's CPU (processors, or the cgroup "
                + "limit where lower) offered, between 0 and 1; the rest stays with the node", min = "0",
                max = "1")
        double fraction() default 0.75;

        @AttributeDefinition(description = "The most CPU offered, in millicores", min = "0")
        long max_millicores() default 1_000_000L;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CpuAssetAdapter.class);

    private final CpuBudgets budgets;
    private volatile CpuCapacity capacity;

    @Activate
    public CpuAssetAdapter(Config config) {
        this(new CpuBudgets(), new CpuCapacity(config.fraction(), config.max_millicores()));
    }

    /** For tests: the adapter over {@code budgets}, which it then owns. */
    CpuAssetAdapter(CpuBudgets budgets, CpuCapacity capacity) {
        this.budgets = budgets;
        this.capacity = capacity;
        CpuCapacity.Figures figures = capacity.figures();
        LOG.info("CPU asset offers {} millicores (max {}, {} of {}: {} processors, cgroup limit {})",
                figures.offered(), figures.maxMillicores(), figures.fraction(), figures.machineMillicores(),
                figures.processors(), figures.cgroupMillicores() < 0 ? "none" : figures.cgroupMillicores());
    }

    @Modified
    void modified(Config config) {
        capacity = new CpuCapacity(config.fraction(), config.max_millicores());
        LOG.info("CPU asset now offers {} millicores", capacity.total());
    }

    @Deactivate
    void deactivate() {
        budgets.close();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Capacity capacity() {
        return new Capacity(capacity.total(), UNIT);
    }

    @Override
    public void allocate(String allocationId, long amount) throws AssetException {
        budgets.allocate(allocationId, amount, capacity.total());
    }

    @Override
    public boolean holds(String allocationId) {
        return budgets.contains(allocationId);
    }

    @Override
    public void release(String allocationId) {
        budgets.release(allocationId);
    }

    @Override
    public long usage() {
        return budgets.used();
    }

    @Override
    public Health health() {
        CpuCapacity.Figures figures = capacity.figures();
        long used = budgets.used();
        String detail = "offers " + figures.offered() + " millicores (max " + figures.maxMillicores() + ", "
                + figures.fraction() + " of " + figures.machineMillicores() + ": " + figures.processors()
                + " processors, cgroup limit "
                + (figures.cgroupMillicores() < 0 ? "none" : figures.cgroupMillicores()) + "); "
                + budgets.count() + " allocations hold " + used + " millicores, " + budgets.activeRuns()
                + " runs under way";
        if (!budgets.measured()) {
            return new Health(false, "this JVM cannot measure thread CPU time, so shares cannot be enforced; "
                    + detail);
        }
        if (figures.offered() == 0) {
            return new Health(false, detail);
        }
        if (used > figures.offered()) {
            return new Health(true, detail + " (more than now offered, after a configuration change)");
        }
        return new Health(true, detail);
    }

    @Override
    public CpuBudget budget(String allocationId) throws AssetException {
        return budgets.budget(allocationId);
    }
}
