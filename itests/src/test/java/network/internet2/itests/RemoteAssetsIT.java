package network.internet2.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Hashtable;
import java.util.Random;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AllocationDirectory;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.memory.MemoryAccess;
import network.internet2.hypermesh.remote.RemoteMemory;
import network.internet2.hypermesh.remote.RemoteTarget;
import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqTransport;
import network.internet2.trustchain.dns.NameService;

/**
 * Remote memory in the real node, across two STOQ transports: the main one
 * and an additional one the test configures on another [::1] port (factory
 * PID network.internet2.stoq.transport.additional). Bytes written into a
 * memory allocation on one side are read back through the other, by the
 * allocation's proxy address, with full certificate validation both ways;
 * the allocation's DNS name resolves to its proxy address while it lives.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RemoteAssetsIT extends Internet2TestSupport {

    private static final String ADDITIONAL = "(stoq.transport=additional)";
    private static final String MAIN = "(!" + ADDITIONAL + ")";

    @Test
    public void memoryMakesARoundTripAcrossTwoTransportsAndItsNameResolvesWhileItLives() throws Exception {
        if (!featuresService.isInstalled(featuresService.getFeature("hypermesh-remote"))) {
            featuresService.installFeature("hypermesh-remote");
        }
        int extraPort = freeUdpPort();
        ConfigurationAdmin configurations = service(ConfigurationAdmin.class, null);
        Configuration extra = configurations.getFactoryConfiguration("network.internet2.stoq.transport.additional",
                "itest", "?");
        Hashtable<String, Object> settings = new Hashtable<>();
        settings.put("bind.address", "::1");
        settings.put("port", extraPort);
        extra.update(settings);
        try {
            StoqTransport main = service(StoqTransport.class, MAIN);
            StoqTransport additional = service(StoqTransport.class, ADDITIONAL);
            assertEquals(extraPort, additional.listeners().get(0).getPort());
            String[] identity = new String[1];
            waitUntil("the main transport connects to the additional one with full validation (the node "
                    + "certificate is issued at start)", Duration.ofSeconds(90), () -> {
                        StoqConnection connection = main.connect(new InetSocketAddress(loopback(), extraPort));
                        identity[0] = connection.peer().name();
                        return true;
                    });
            assertEquals("node1.internet2.network", identity[0]);

            AssetRegistry registry = service(AssetRegistry.class, null);
            waitUntil("the memory kind is offered", Duration.ofSeconds(30),
                    () -> registry.kinds().stream().anyMatch(kind -> kind.kind().equals("memory")));
            Allocation allocation = registry.allocate("memory", 1 << 20, Duration.ofMinutes(10), identity[0]);
            MemoryAccess memory = service(MemoryAccess.class, null);
            RemoteMemory remote = service(RemoteMemory.class, null);
            waitUntil("the hypermesh.memory service is served", Duration.ofSeconds(30),
                    () -> bundleContext.getServiceReferences(network.internet2.stoq.StoqService.class,
                            "(stoq.service=hypermesh.memory)").size() == 1);
            RemoteTarget target = new RemoteTarget("::1", extraPort, allocation.proxyAddress());

            byte[] local = "written through MemoryAccess".getBytes(StandardCharsets.UTF_8);
            memory.write(allocation.id(), 4096, local);
            assertArrayEquals(local, remote.read(target, 4096, local.length));
            byte[] block = new byte[64 * 1024];
            new Random(3).nextBytes(block);
            remote.write(target, 8192, block);
            assertArrayEquals("the region holds what came over STOQ", block,
                    memory.read(allocation.id(), 8192, block.length));
            assertTrue(remote.compareAndSwapLong(target, 0, 0, 77));
            assertFalse(remote.compareAndSwapLong(target, 0, 0, 78));
            assertEquals(77, ByteBuffer.wrap(memory.read(allocation.id(), 0, 8)).getLong());
            assertEquals(allocation, service(AllocationDirectory.class, null).resolve(allocation.proxyAddress())
                    .orElseThrow());

            NameService names = service(NameService.class, null);
            String name = allocation.id() + ".node1.internet2.network";
            waitUntil(name + " resolves to the proxy address", Duration.ofSeconds(30),
                    () -> names.resolve(name).contains(allocation.proxyAddress()));

            registry.release(allocation.id(), identity[0]);
            try {
                remote.read(target, 0, 8);
                fail("a released allocation is no longer reachable");
            } catch (AssetException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("no active allocation"));
            }
            waitUntil(name + " no longer resolves", Duration.ofSeconds(30), () -> {
                try {
                    names.resolve(name);
                    return false;
                } catch (network.internet2.trustchain.dns.NameResolutionException gone) {
                    return true;
                }
            });
        } finally {
            extra.delete();
        }
        waitUntil("the additional transport is gone", Duration.ofSeconds(30),
                () -> bundleContext.getServiceReferences(StoqTransport.class, ADDITIONAL).isEmpty());
    }

    private <T> T service(Class<T> type, String filter) throws Exception {
        Collection<ServiceReference<T>>[] found = new Collection[1];
        waitUntil(type.getSimpleName() + " " + (filter == null ? "" : filter) + " is registered",
                Duration.ofSeconds(60), () -> {
                    found[0] = bundleContext.getServiceReferences(type, filter);
                    return !found[0].isEmpty();
                });
        return bundleContext.getService(found[0].iterator().next());
    }

    private static int freeUdpPort() throws Exception {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(new InetSocketAddress(loopback(), 0))) {
            return socket.getLocalPort();
        }
    }
}
