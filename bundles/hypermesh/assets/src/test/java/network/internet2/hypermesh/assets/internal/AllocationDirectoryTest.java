package network.internet2.hypermesh.assets.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.Inet6Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;

/** Proxy-address resolution and remote-access grants, through the registry component and across a restart. */
public class AllocationDirectoryTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path directory;
    private final MutableClock clock = new MutableClock();
    private AssetRegistryComponent registry;

    @Before
    public void open() throws Exception {
        directory = folder.getRoot().toPath().resolve("assets");
        registry = start();
    }

    @After
    public void close() {
        registry.deactivate();
    }

    private AssetRegistryComponent start() throws Exception {
        AssetRegistryComponent started = new AssetRegistryComponent(directory, Duration.ofDays(1),
                Duration.ofSeconds(1), "node1", clock, false);
        started.addAdapter(new FakeAdapter("memory", 100), Map.of(AssetAdapter.KIND_PROPERTY, "memory"));
        started.addAdapter(new FakeAdapter("storage", 100), Map.of(AssetAdapter.KIND_PROPERTY, "storage"));
        return started;
    }

    @Test
    public void resolvesTheProxyAddressOfAnActiveAllocationOnly() throws Exception {
        Allocation allocation = registry.allocate("memory", 10, HOUR, "alice.internet2.network");
        assertEquals(allocation, registry.resolve(allocation.proxyAddress()).orElseThrow());
        Inet6Address elsewhere = (Inet6Address) InetAddress.getByName("[fd00::1]");
        assertFalse(registry.resolve(elsewhere).isPresent());
        registry.release(allocation.id(), "alice.internet2.network");
        assertFalse("an ended allocation's address leads nowhere", registry.resolve(allocation.proxyAddress())
                .isPresent());
    }

    @Test
    public void authorizesTheOwnerAndGranteesOfTheRightKindOnly() throws Exception {
        Allocation allocation = registry.allocate("memory", 10, HOUR, "alice.internet2.network");
        Inet6Address address = allocation.proxyAddress();
        assertEquals(allocation, registry.authorize(address, "memory", "alice.internet2.network"));
        AssetException stranger = assertThrows(AssetException.class,
                () -> registry.authorize(address, "memory", "bob.internet2.network"));
        assertTrue(stranger.getMessage(), stranger.getMessage().contains("neither its owner nor granted"));
        AssetException kind = assertThrows(AssetException.class,
                () -> registry.authorize(address, "storage", "alice.internet2.network"));
        assertTrue(kind.getMessage(), kind.getMessage().contains("is memory, not storage"));

        registry.grant(allocation.id(), "bob.internet2.network", "alice.internet2.network");
        assertEquals(allocation, registry.authorize(address, "memory", "bob.internet2.network"));
        assertEquals(Set.of("bob.internet2.network"), registry.grantees(allocation.id()));
        registry.revoke(allocation.id(), "bob.internet2.network", Allocation.LOCAL_OPERATOR);
        assertThrows(AssetException.class, () -> registry.authorize(address, "memory", "bob.internet2.network"));
    }

    @Test
    public void onlyTheOwnerOrOperatorGrantsAndOnlyToAWellFormedIdentity() throws Exception {
        Allocation allocation = registry.allocate("memory", 10, HOUR, "alice.internet2.network");
        AssetException foreign = assertThrows(AssetException.class,
                () -> registry.grant(allocation.id(), "mallory.internet2.network", "mallory.internet2.network"));
        assertTrue(foreign.getMessage(), foreign.getMessage().contains("belongs to another owner"));
        for (String bad : new String[] {"", " ", "two words", "x".repeat(254), "tab\there"}) {
            assertThrows("'" + bad + "'", AssetException.class,
                    () -> registry.grant(allocation.id(), bad, "alice.internet2.network"));
        }
        assertThrows(AssetException.class, () -> registry.grant("no-such-id", "bob", Allocation.LOCAL_OPERATOR));
        assertTrue(registry.grantees(allocation.id()).isEmpty());
    }

    @Test
    public void grantsSurviveARestartAndEndWithTheirAllocation() throws Exception {
        Allocation kept = registry.allocate("memory", 10, HOUR, "alice.internet2.network");
        Allocation ended = registry.allocate("storage", 10, HOUR, "alice.internet2.network");
        registry.grant(kept.id(), "bob.internet2.network", "alice.internet2.network");
        registry.grant(kept.id(), "carol.internet2.network", "alice.internet2.network");
        registry.revoke(kept.id(), "carol.internet2.network", "alice.internet2.network");
        registry.grant(ended.id(), "bob.internet2.network", "alice.internet2.network");
        registry.release(ended.id(), "alice.internet2.network");
        assertTrue(registry.grantees(ended.id()).isEmpty());
        registry.deactivate();

        registry = start();
        assertEquals(Set.of("bob.internet2.network"), registry.grantees(kept.id()));
        assertEquals(kept, registry.authorize(kept.proxyAddress(), "memory", "bob.internet2.network"));
        assertTrue(registry.grantees(ended.id()).isEmpty());
        assertFalse(registry.resolve(ended.proxyAddress()).isPresent());
    }
}
