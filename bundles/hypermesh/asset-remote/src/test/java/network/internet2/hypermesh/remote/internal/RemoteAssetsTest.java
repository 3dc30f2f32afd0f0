package network.internet2.hypermesh.remote.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.assets.internal.AssetRegistryComponent;
import network.internet2.hypermesh.assets.internal.TestRegistry;
import network.internet2.hypermesh.memory.internal.MemoryAssetAdapter;
import network.internet2.hypermesh.memory.internal.TestMemory;
import network.internet2.hypermesh.remote.RemoteMemory;
import network.internet2.hypermesh.remote.RemoteStorage;
import network.internet2.hypermesh.remote.RemoteTarget;
import network.internet2.hypermesh.remote.internal.RemoteResponse.Status;
import network.internet2.hypermesh.storage.internal.StorageAssetAdapter;
import network.internet2.hypermesh.storage.internal.TestStorage;
import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqStream;
import network.internet2.stoq.StoqTransport;
import network.internet2.stoq.transport.internal.TestNodes;

/**
 * Remote memory and storage between real STOQ transports on two (three) [::1]
 * ports, each with its own certificate identity: node A holds a real registry
 * with real memory and storage adapters and serves them; node B owns
 * allocations on A; node C is a stranger until granted.
 */
public class RemoteAssetsTest {

    private static final long MIB = 1024 * 1024;
    private static final Duration HOUR = Duration.ofHours(1);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private TestNodes nodes;
    private MemoryAssetAdapter memory;
    private StorageAssetAdapter storage;
    private AssetRegistryComponent registry;
    private StoqTransport nodeA;
    private StoqTransport nodeB;
    private StoqTransport nodeC;

    @Before
    public void startNodes() throws Exception {
        Path root = folder.getRoot().toPath();
        memory = TestMemory.open(root.resolve("memory"), 64 * MIB);
        storage = TestStorage.open(root.resolve("storage"), 64 * MIB);
        registry = TestRegistry.open(root.resolve("assets"), memory, storage);
        nodes = new TestNodes();
        nodeA = nodes.start("node-a.test", Map.of(
                RemoteMemory.SERVICE, new RemoteMemoryService(registry, memory),
                RemoteStorage.SERVICE, new RemoteStorageService(registry, storage)));
        nodeB = nodes.start("node-b.test", Map.of());
        nodeC = nodes.start("node-c.test", Map.of());
    }

    @After
    public void stopNodes() {
        nodes.close();
        TestRegistry.close(registry);
        TestMemory.close(memory);
        TestStorage.close(storage);
    }

    private RemoteTarget onA(Allocation allocation) {
        return new RemoteTarget("::1", TestNodes.listener(nodeA).getPort(), allocation.proxyAddress());
    }

    @Test
    public void memoryWrittenOnOneNodeIsReadOnTheOther() throws Exception {
        Allocation allocation = registry.allocate("memory", 4 * MIB, HOUR, "node-b.test");
        RemoteMemory remote = new RemoteMemoryClient(nodeB);
        RemoteTarget target = onA(allocation);
        assertEquals(4 * MIB, remote.size(target));

        byte[] local = "written on node A".getBytes(StandardCharsets.UTF_8);
        memory.write(allocation.id(), 100, local);
        assertArrayEquals(local, remote.read(target, 100, local.length));

        byte[] mebibyte = new byte[(int) MIB];
        new Random(7).nextBytes(mebibyte);
        remote.write(target, 3 * MIB, mebibyte);
        assertArrayEquals("node A holds what node B wrote", mebibyte, memory.read(allocation.id(), 3 * MIB,
                (int) MIB));
        assertArrayEquals(mebibyte, remote.read(target, 3 * MIB, (int) MIB));

        assertTrue(remote.compareAndSwapLong(target, 0, 0, 42));
        assertFalse("the long is 42 now, not 0", remote.compareAndSwapLong(target, 0, 0, 43));
        assertEquals(42, java.nio.ByteBuffer.wrap(memory.read(allocation.id(), 0, 8)).getLong());
    }

    @Test
    public void storageWrittenRemotelyIsFlushedAndReadBack() throws Exception {
        Allocation allocation = registry.allocate("storage", MIB, HOUR, "node-b.test");
        RemoteStorage remote = new RemoteStorageClient(nodeB);
        RemoteTarget target = onA(allocation);
        assertEquals(MIB, remote.size(target));
        byte[] data = new byte[10_000];
        new Random(11).nextBytes(data);
        remote.write(target, 5000, data);
        remote.flush(target);
        assertArrayEquals(data, storage.read(allocation.id(), 5000, data.length));
        assertArrayEquals(data, remote.read(target, 5000, data.length));
    }

    @Test
    public void aStrangerIsRefusedUntilGrantedAndAfterRevocation() throws Exception {
        Allocation allocation = registry.allocate("memory", MIB, HOUR, "node-b.test");
        memory.write(allocation.id(), 0, new byte[] {1, 2, 3});
        RemoteMemory stranger = new RemoteMemoryClient(nodeC);
        RemoteTarget target = onA(allocation);
        AssetException refused = assertThrows(AssetException.class, () -> stranger.read(target, 0, 3));
        assertTrue(refused.getMessage(), refused.getMessage().contains("node-c.test may not use")
                && refused.getMessage().contains("REFUSED"));
        assertThrows(AssetException.class, () -> stranger.write(target, 0, new byte[] {9}));
        assertArrayEquals("a refused write changes nothing", new byte[] {1, 2, 3},
                memory.read(allocation.id(), 0, 3));

        registry.grant(allocation.id(), "node-c.test", "node-b.test");
        assertArrayEquals(new byte[] {1, 2, 3}, stranger.read(target, 0, 3));
        registry.revoke(allocation.id(), "node-c.test", "node-b.test");
        assertThrows(AssetException.class, () -> stranger.read(target, 0, 3));
    }

    @Test
    public void badRequestsAreRefusedWithTheirReasonAndChangeNothing() throws Exception {
        Allocation allocation = registry.allocate("memory", MIB, HOUR, "node-b.test");
        Allocation disk = registry.allocate("storage", MIB, HOUR, "node-b.test");
        RemoteMemory remote = new RemoteMemoryClient(nodeB);
        RemoteTarget target = onA(allocation);

        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> remote.write(target, MIB - 2, new byte[] {1, 2, 3}));
        assertTrue(past.getMessage(), past.getMessage().contains("BAD_REQUEST"));
        assertArrayEquals(new byte[2], memory.read(allocation.id(), MIB - 2, 2));
        assertThrows(IllegalArgumentException.class, () -> remote.compareAndSwapLong(target, 3, 0, 1));
        assertThrows("checked before leaving the node", IllegalArgumentException.class,
                () -> remote.read(target, -1, 4));

        AssetException kind = assertThrows(AssetException.class, () -> remote.read(onA(disk), 0, 4));
        assertTrue(kind.getMessage(), kind.getMessage().contains("is storage, not memory"));
        RemoteTarget nowhere = new RemoteTarget("::1", target.port(),
                (Inet6Address) InetAddress.getByName("[fd00::dead]"));
        AssetException unknown = assertThrows(AssetException.class, () -> remote.read(nowhere, 0, 4));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("no active allocation"));

        registry.release(allocation.id(), "node-b.test");
        assertThrows("a released allocation is gone", AssetException.class, () -> remote.read(target, 0, 4));
    }

    @Test
    public void malformedRequestsGetBadRequestAndTheServiceKeepsServing() throws Exception {
        Allocation allocation = registry.allocate("memory", MIB, HOUR, "node-b.test");
        byte[] valid = encode(RemoteRequest.read(allocation.proxyAddress(), 0, 8));
        byte[][] malformed = {
            new byte[0],
            {2, 2},
            {1, 99},
            java.util.Arrays.copyOf(valid, valid.length - 1),
            java.util.Arrays.copyOf(valid, valid.length + 1),
            encodeLength(allocation.proxyAddress(), RemoteMemory.MAX_TRANSFER + 1),
            encodeLength(allocation.proxyAddress(), -1),
        };
        for (byte[] request : malformed) {
            RemoteResponse response = raw(request);
            assertEquals(java.util.Arrays.toString(request), Status.BAD_REQUEST, response.status());
            assertFalse(response.reason().isEmpty());
        }
        RemoteResponse ok = raw(valid);
        assertEquals(Status.OK, ok.status());
        assertEquals(8, ok.body().length);
    }

    private RemoteResponse raw(byte[] request) throws Exception {
        try (StoqStream stream = nodeB.connect(TestNodes.listener(nodeA)).openStream(RemoteMemory.SERVICE)) {
            OutputStream out = stream.output();
            out.write(request);
            out.close();
            return RemoteResponse.readFrom(stream.input(), 1024);
        }
    }

    private static byte[] encode(RemoteRequest request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        request.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] encodeLength(Inet6Address address, int length) throws Exception {
        byte[] bytes = encode(RemoteRequest.read(address, 0, 0));
        java.nio.ByteBuffer.wrap(bytes, 2 + 16 + 8, 4).putInt(length);
        return bytes;
    }
}
