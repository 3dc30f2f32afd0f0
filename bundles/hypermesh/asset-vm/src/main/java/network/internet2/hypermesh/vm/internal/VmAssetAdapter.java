package network.internet2.hypermesh.vm.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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
import network.internet2.hypermesh.vm.VmAccess;
import network.internet2.hypermesh.vm.VmRequest;
import network.internet2.hypermesh.vm.VmResult;

/**
 * VMs as an asset: each allocation is a linear-memory cap in bytes (whole
 * WebAssembly pages) in which WASI modules run one at a time, metered and
 * bounded, on the adapter's threads or inside a CPU allocation's share (the
 * CPU adapter's {@link CpuAccess}, optional and dynamic). Linear memory lives
 * on the Java heap, so at most half the heap is offered. Deactivation stops
 * every run and releases every allocation.
 */
@Component(service = {AssetAdapter.class, VmAccess.class},
        property = AssetAdapter.KIND_PROPERTY + "=" + VmAssetAdapter.KIND,
        configurationPid = VmAssetAdapter.PID)
@Designate(ocd = VmAssetAdapter.Config.class)
public class VmAssetAdapter implements AssetAdapter, VmAccess {

    static final String PID = "network.internet2.hypermesh.asset.vm";
    static final String KIND = "vm";
    static final String UNIT = "bytes";

    /** The VM adapter's settings (PID {@value #PID}). */
    @ObjectClassDefinition(name = "Internet 2.0 HyperMesh VM asset",
            description = "Sandboxed WebAssembly (WASI preview 1, Chicory interpreter) offered as an asset: "
                    + "an allocation is the linear-memory cap, in bytes, of the modules run in it.")
    @interface Config {
        @AttributeDefinition(description = "The linear memory offered to all VM allocations, in bytes. It lives "
                + "on the Java heap, so at most half the JVM's maximum heap is offered whatever this says.",
                min = "0")
        long max_memory_bytes() default 128L * 1024 * 1024;

        @AttributeDefinition(description = "The instruction limit of a run whose request gives 0", min = "1")
        long default_instructions() default 1_000_000_000L;

        @AttributeDefinition(description = "The highest instruction limit a request may ask for (the "
                + "interpreter executes roughly 100 million instructions a second)", min = "1")
        long max_instructions() default 50_000_000_000L;

        @AttributeDefinition(description = "The wall-clock limit of a run whose request gives zero, in "
                + "milliseconds", min = "1")
        long default_wall_clock_ms() default 10_000L;

        @AttributeDefinition(description = "The longest wall-clock limit a request may ask for, in milliseconds",
                min = "1")
        long max_wall_clock_ms() default 300_000L;

        @AttributeDefinition(description = "Instructions between two checks of a run's wall clock, stop "
                + "requests and CPU share", min = "100", max = "1000000")
        int checkpoint_interval() default 10_000;

        @AttributeDefinition(description = "The most modules running at once on this node", min = "1")
        int max_concurrent_runs() default 2;

        @AttributeDefinition(description = "The largest code section of a module accepted, in bytes; a parsed "
                + "module takes up to about 50 times its code size of heap", min = "1")
        int max_code_bytes() default 1024 * 1024;
    }

    private static final Logger LOG = LoggerFactory.getLogger(VmAssetAdapter.class);

    private final VmAllocations allocations = new VmAllocations();
    private final VmRunner runner = new VmRunner();
    private final AtomicReference<CpuAccess> cpu = new AtomicReference<>();
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier heapBytes;
    private volatile VmSettings settings;

    @Activate
    public VmAssetAdapter(Config config) {
        this(VmSettings.of(config), Runtime.getRuntime()::maxMemory);
    }

    /** For tests: the adapter with {@code settings}, offering at most half of {@code heapBytes}. */
    VmAssetAdapter(VmSettings settings, LongSupplier heapBytes) {
        this.settings = settings;
        this.heapBytes = heapBytes;
        LOG.info("VM asset offers {} bytes of linear memory (max.memory.bytes {}, heap {}); at most {} runs at once",
                settings.offeredBytes(heapBytes.getAsLong()), settings.maxMemoryBytes(), heapBytes.getAsLong(),
                settings.maxConcurrentRuns());
    }

    @Modified
    void modified(Config config) {
        settings = VmSettings.of(config);
        LOG.info("VM asset now offers {} bytes of linear memory", settings.offeredBytes(heapBytes.getAsLong()));
    }

    @Deactivate
    void deactivate() {
        allocations.close();
        runner.close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCpuAccess(CpuAccess access) {
        cpu.set(access);
    }

    void unbindCpuAccess(CpuAccess access) {
        cpu.compareAndSet(access, null);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Capacity capacity() {
        return new Capacity(settings.offeredBytes(heapBytes.getAsLong()), UNIT);
    }

    @Override
    public void allocate(String allocationId, long amount) throws AssetException {
        allocations.allocate(allocationId, amount, settings.offeredBytes(heapBytes.getAsLong()));
    }

    @Override
    public boolean holds(String allocationId) {
        return allocations.contains(allocationId);
    }

    @Override
    public void release(String allocationId) {
        allocations.release(allocationId, "vm allocation '" + allocationId + "' was released");
    }

    @Override
    public long usage() {
        return allocations.used();
    }

    @Override
    public Health health() {
        VmSettings now = settings;
        long offered = now.offeredBytes(heapBytes.getAsLong());
        String detail = "offers " + offered + " bytes of linear memory (max.memory.bytes " + now.maxMemoryBytes()
                + ", half the heap " + heapBytes.getAsLong() / 2 + "); " + allocations.count() + " allocations hold "
                + allocations.used() + " bytes, " + allocations.modulesRunning() + " modules running, "
                + runner.running() + " of at most " + now.maxConcurrentRuns() + " runs under way; CPU allocations " + (cpu.get() == null ? "unavailable (no CPU asset adapter)"
                        : "available");
        if (allocations.used() > offered) {
            detail += " (more than now offered, after a configuration change)";
        }
        return new Health(offered >= VmSettings.PAGE_BYTES, detail);
    }

    /** @return the runs under way: reserved, running, or whose thread is still ending */
    int runsUnderWay() {
        return runner.running();
    }

    /** @return the modules running now */
    int modulesRunning() {
        return allocations.modulesRunning();
    }

    @Override
    public VmResult execute(String allocationId, VmRequest request) throws AssetException {
        VmSettings now = settings;
        long instructions = now.instructionLimit(request);
        Duration wallClock = now.wallClockLimit(request);
        byte[] bytes = request.module();
        if (bytes.length > MAX_MODULE_BYTES) {
            throw new IllegalArgumentException("the module has " + bytes.length + " bytes, more than the "
                    + MAX_MODULE_BYTES + " accepted");
        }
        VmAllocation allocation = allocations.find(allocationId);
        CpuBudget budget = budget(request.cpuAllocationId());
        Runnable free = claim(allocation, now);
        ModuleRun run = null;
        try {
            SandboxModule module = SandboxModule.check(bytes, now.maxCodeBytes());
            if (module.initialPages() > allocation.capPages()) {
                return tooLittleMemory(allocation, module);
            }
            run = new ModuleRun(allocationId, module, request, allocation.capPages(), instructions, wallClock,
                    now.checkpointInterval(), budget, random, free);
            allocation.attach(run);
            return runner.run(run, budget);
        } finally {
            if (run == null || run.abandon()) {
                free.run();
            }
        }
    }

    /** Claims the allocation and a run slot; the returned action frees both, once. */
    private Runnable claim(VmAllocation allocation, VmSettings now) throws AssetException {
        allocation.claim();
        VmRunner.Slot slot;
        try {
            slot = runner.reserve(now.maxConcurrentRuns());
        } catch (AssetException busy) {
            allocation.finish();
            throw busy;
        }
        AtomicBoolean freed = new AtomicBoolean();
        return () -> {
            if (freed.compareAndSet(false, true)) {
                allocation.finish();
                slot.run();
            }
        };
    }

    private CpuBudget budget(String cpuAllocationId) throws AssetException {
        if (cpuAllocationId == null) {
            return null;
        }
        CpuAccess access = cpu.get();
        if (access == null) {
            throw new AssetException("cannot run in CPU allocation '" + cpuAllocationId
                    + "': the cpu asset adapter is not installed (install the asset-cpu feature)");
        }
        return access.budget(cpuAllocationId);
    }

    private static VmResult tooLittleMemory(VmAllocation allocation, SandboxModule module) {
        long wanted = (long) module.initialPages() * VmSettings.PAGE_BYTES;
        return new VmResult(VmResult.Outcome.MEMORY_LIMIT, -1, new byte[0], new byte[0], false, 0, Duration.ZERO,
                "the module's memory starts at " + wanted + " bytes, more than the " + allocation.bytes()
                        + " bytes of vm allocation '" + allocation.id() + "'");
    }
}
