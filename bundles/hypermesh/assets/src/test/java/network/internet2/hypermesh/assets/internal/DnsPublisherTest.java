package network.internet2.hypermesh.assets.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.trustchain.dns.DnsRecord;
import network.internet2.trustchain.dns.DnsRegistration;
import network.internet2.trustchain.dns.ZoneRegistry;

/**
 * Allocations appear in the zone as {@code <id>.<node>} while active and
 * present, and disappear when they end or the zone goes away. The zone here is
 * a map-backed test double; DnsIT and HyperMeshAssetsIT query the real server.
 */
public class DnsPublisherTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void publishesActiveAllocationsAndWithdrawsEndedOnes() throws Exception {
        AssetRegistryComponent registry = new AssetRegistryComponent(folder.getRoot().toPath(), Duration.ofDays(1),
                Duration.ofSeconds(1), "node7", new MutableClock(), false);
        MapZone zone = new MapZone();
        try {
            registry.addAdapter(new FakeAdapter("memory", 100), Map.of(AssetAdapter.KIND_PROPERTY, "memory"));
            Allocation before = registry.allocate("memory", 10, Duration.ofHours(1), "alice");
            registry.setZone(zone);
            Allocation after = registry.allocate("memory", 10, Duration.ofHours(1), "alice");
            flush(registry);
            assertEquals("an allocation made before the zone arrived is published too", Map.of(
                    before.id() + ".node7", before.proxyAddress(), after.id() + ".node7", after.proxyAddress()),
                    zone.names);
            registry.release(before.id(), "alice");
            flush(registry);
            assertEquals(Map.of(after.id() + ".node7", after.proxyAddress()), zone.names);
            registry.unsetZone(zone);
            assertTrue("the zone going away takes the records with it", zone.names.isEmpty());
            registry.allocate("memory", 10, Duration.ofHours(1), "alice");
            assertTrue(zone.names.isEmpty());
        } finally {
            registry.deactivate();
        }
    }

    private static void flush(AssetRegistryComponent registry) throws Exception {
        registry.dnsPublisher().flush(Duration.ofSeconds(10));
    }

    /** Test double of the zone: a map of names to addresses. */
    private static final class MapZone implements ZoneRegistry {
        final Map<String, Inet6Address> names = new ConcurrentHashMap<>();

        @Override
        public DnsRegistration register(String name, Inet6Address address, Duration ttl) {
            names.put(name, address);
            return new DnsRegistration() {
                @Override
                public DnsRecord record() {
                    throw new UnsupportedOperationException("not used by this test");
                }

                @Override
                public void close() {
                    names.remove(name, address);
                }
            };
        }

        @Override
        public List<DnsRecord> records() {
            return List.of();
        }
    }
}
