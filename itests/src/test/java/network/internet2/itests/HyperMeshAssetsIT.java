package network.internet2.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.EnumSet;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.asset.UnknownAssetKindException;
import network.internet2.hypermesh.cpu.CpuAccess;
import network.internet2.hypermesh.cpu.CpuBudget;
import network.internet2.hypermesh.memory.MemoryAccess;
import network.internet2.hypermesh.storage.StorageAccess;

/**
 * The asset registry and the memory, storage and cpu adapters in the real distribution: real off-heap memory
 * allocated, written and read by offset, never overcommitted; storage blocks written and read back within their
 * quota; work run inside a CPU share; a lease that runs out; the memory adapter feature uninstalled (its
 * allocations end with the reason) and installed again (the kind comes back live).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HyperMeshAssetsIT extends Internet2TestSupport {

    private static final long MIB = 1024 * 1024;

    @Override
    protected boolean bootInternet2() {
        return false;
    }

    @Override
    protected String[] extraBootFeatures() {
        return new String[] {"hypermesh-assets", "asset-memory", "asset-storage", "asset-cpu"};
    }

    @Test
    public void memoryIsAllocatedWrittenReadAndReleased() throws Exception {
        AssetRegistry registry = service(AssetRegistry.class);
        waitUntil("the memory kind is offered", Duration.ofSeconds(30),
                () -> registry.kinds().stream().anyMatch(kind -> kind.kind().equals("memory")));
        AssetRegistry.AssetKind memory = registry.kinds().stream().filter(kind -> kind.kind().equals("memory"))
                .findFirst().orElseThrow();
        assertTrue("this machine offers memory: " + memory, memory.capacity().total() >= 8 * MIB);

        Allocation allocation = registry.allocate("memory", 4 * MIB, Duration.ofMinutes(5), Allocation.LOCAL_OPERATOR);
        assertEquals(Allocation.State.ACTIVE, allocation.state());
        assertEquals("a proxy address in the node's ULA prefix (fd00::/8)", (byte) 0xfd,
                allocation.proxyAddress().getAddress()[0]);
        MemoryAccess access = service(MemoryAccess.class);
        byte[] data = "remote memory, for real".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        access.write(allocation.id(), 4 * MIB - data.length, data);
        assertArrayEquals(data, access.read(allocation.id(), 4 * MIB - data.length, data.length));
        try {
            access.read(allocation.id(), 4 * MIB - 1, 2);
            fail("reading past the end must fail");
        } catch (IllegalArgumentException expected) {
            // bounds-checked
        }
        try {
            registry.allocate("memory", memory.capacity().total(), Duration.ofMinutes(1), Allocation.LOCAL_OPERATOR);
            fail("the registry must not overcommit");
        } catch (InsufficientCapacityException expected) {
            // no overcommit
        }
        registry.release(allocation.id(), Allocation.LOCAL_OPERATOR);
        assertEquals(Allocation.State.RELEASED, registry.find(allocation.id()).orElseThrow().state());
        try {
            access.read(allocation.id(), 0, 1);
            fail("a released region must not be readable");
        } catch (AssetException expected) {
            // released
        }
    }

    @Test
    public void storageBlocksAreWrittenAndReadBack() throws Exception {
        AssetRegistry registry = service(AssetRegistry.class);
        waitUntil("the storage kind is offered", Duration.ofSeconds(30),
                () -> registry.kinds().stream().anyMatch(kind -> kind.kind().equals("storage")));
        Allocation allocation = registry.allocate("storage", 3 * MIB, Duration.ofMinutes(5), Allocation.LOCAL_OPERATOR);
        StorageAccess storage = service(StorageAccess.class);
        byte[] block = new byte[storage.blockSize()];
        java.util.Arrays.fill(block, (byte) 0x5a);
        long lastBlock = 3 * MIB / storage.blockSize() - 1;
        storage.writeBlock(allocation.id(), lastBlock, block);
        storage.flush(allocation.id());
        assertArrayEquals(block, storage.readBlock(allocation.id(), lastBlock));
        try {
            storage.readBlock(allocation.id(), lastBlock + 1);
            fail("a block past the quota must be refused");
        } catch (IllegalArgumentException | AssetException expected) {
            // bounded by the quota
        }
        registry.release(allocation.id(), Allocation.LOCAL_OPERATOR);
    }

    @Test
    public void workRunsInsideACpuShare() throws Exception {
        AssetRegistry registry = service(AssetRegistry.class);
        waitUntil("the cpu kind is offered", Duration.ofSeconds(30),
                () -> registry.kinds().stream().anyMatch(kind -> kind.kind().equals("cpu")));
        Allocation share = registry.allocate("cpu", 250, Duration.ofMinutes(5), Allocation.LOCAL_OPERATOR);
        CpuBudget budget = service(CpuAccess.class).budget(share.id());
        long sum = budget.run(() -> {
            long total = 0;
            for (int i = 0; i < 1_000_000; i++) {
                total += i;
                if (i % 10_000 == 0) {
                    budget.checkpoint();
                }
            }
            return total;
        }, Duration.ofSeconds(20));
        assertEquals(499_999_500_000L, sum);
        registry.release(share.id(), Allocation.LOCAL_OPERATOR);
    }

    @Test
    public void aLeaseRunsOut() throws Exception {
        AssetRegistry registry = service(AssetRegistry.class);
        waitUntil("the memory kind is offered", Duration.ofSeconds(30),
                () -> registry.kinds().stream().anyMatch(kind -> kind.kind().equals("memory")));
        Allocation brief = registry.allocate("memory", MIB, Duration.ofSeconds(1), Allocation.LOCAL_OPERATOR);
        waitUntil("the lease expired", Duration.ofSeconds(15),
                () -> registry.find(brief.id()).orElseThrow().state() == Allocation.State.EXPIRED);
        assertFalse(registry.allocations().stream().anyMatch(a -> a.id().equals(brief.id())));
    }

    @Test
    public void uninstallingTheAdapterEndsItsAllocationsAndInstallingItBringsTheKindBack() throws Exception {
        AssetRegistry registry = service(AssetRegistry.class);
        waitUntil("the memory kind is offered", Duration.ofSeconds(30),
                () -> registry.kinds().stream().anyMatch(kind -> kind.kind().equals("memory")));
        Allocation held = registry.allocate("memory", MIB, Duration.ofMinutes(5), "CN=peer.internet2.network");
        featuresService.uninstallFeature("asset-memory", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        try {
            waitUntil("the allocation ended with the adapter", Duration.ofSeconds(30),
                    () -> registry.find(held.id()).orElseThrow().state() == Allocation.State.REVOKED);
            String reason = registry.find(held.id()).orElseThrow().endReason();
            assertTrue(reason, reason.contains("memory adapter was removed"));
            try {
                registry.allocate("memory", MIB, Duration.ofMinutes(1), Allocation.LOCAL_OPERATOR);
                fail("no memory kind without its adapter");
            } catch (UnknownAssetKindException expected) {
                // the kind is gone
            }
        } finally {
            featuresService.installFeature("asset-memory", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        waitUntil("the memory kind is back", Duration.ofSeconds(30),
                () -> registry.kinds().stream().anyMatch(kind -> kind.kind().equals("memory")));
    }

    private <T> T service(Class<T> type) throws Exception {
        ServiceReference<T>[] found = new ServiceReference[1];
        waitUntil("a " + type.getSimpleName() + " service", Duration.ofSeconds(30), () -> {
            found[0] = bundleContext.getServiceReference(type);
            return found[0] != null;
        });
        return bundleContext.getService(found[0]);
    }
}
