package network.internet2.hypermesh.assets.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.hypermesh.proof.Operation;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;

/**
 * The consensus hook: allocations and releases pass through the consensus
 * service when one is installed, and fail with a clear reason when consensus
 * is required but absent. The consensus service here is a recording test
 * double: the real one is the consensus bundle's.
 */
public class ConsensusGateTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final RecordingConsensus consensus = new RecordingConsensus();
    private AssetRegistryComponent registry;
    private FakeAdapter memory;

    private AssetRegistryComponent start(boolean required) throws Exception {
        AssetRegistryComponent started = new AssetRegistryComponent(folder.getRoot().toPath().resolve("assets"),
                Duration.ofDays(1), Duration.ofSeconds(1), "node1", new MutableClock(), required,
                java.util.Set.of("proof-space"));
        memory = new FakeAdapter("memory", 100);
        started.addAdapter(memory, Map.of(AssetAdapter.KIND_PROPERTY, "memory"));
        return started;
    }

    @After
    public void stop() {
        if (registry != null) {
            registry.deactivate();
        }
    }

    @Test
    public void withoutConsensusRequiredAndAbsentEverythingIsAdmitted() throws Exception {
        registry = start(false);
        Allocation allocation = registry.allocate("memory", 10, Duration.ofHours(1), "alice");
        registry.release(allocation.id(), "alice");
    }

    @Test
    public void requiredButAbsentConsensusRefusesWithAClearErrorAndChangesNothing() throws Exception {
        registry = start(true);
        AssetException refused = assertThrows(AssetException.class,
                () -> registry.allocate("memory", 10, Duration.ofHours(1), "alice"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("consensus is required")
                && refused.getMessage().contains("no consensus service is installed"));
        assertTrue(registry.allocations().isEmpty());
        assertTrue(memory.reserved.isEmpty());

        registry.setConsensus(consensus);
        Allocation allocation = registry.allocate("memory", 10, Duration.ofHours(1), "alice");
        registry.unsetConsensus(consensus);
        assertThrows(AssetException.class, () -> registry.release(allocation.id(), "alice"));
        assertEquals("a refused release leaves the allocation active", 1, registry.allocations().size());
    }

    @Test
    public void anExemptOwnerNeedsNoProofEvenWhenConsensusIsRequired() throws Exception {
        registry = start(true);
        Allocation plot = registry.allocate("memory", 10, Duration.ofHours(1), "proof-space");
        registry.release(plot.id(), "proof-space");
        registry.setConsensus(consensus);
        registry.allocate("memory", 10, Duration.ofHours(1), "proof-space");
        assertTrue("no proof was asked for", consensus.proved.isEmpty());
    }

    @Test
    public void everyAllocateAndReleaseIsProvedAndValidatedBoundToItsParameters() throws Exception {
        registry = start(false);
        registry.setConsensus(consensus);
        Allocation allocation = registry.allocate("memory", 10, Duration.ofHours(1), "alice");
        assertEquals("proof-1", registry.consensusReceipt(allocation.id()).orElseThrow().proofId());
        registry.release(allocation.id(), "alice");
        assertTrue("an ended allocation keeps no receipt", registry.consensusReceipt(allocation.id()).isEmpty());
        assertEquals(2, consensus.proved.size());
        Operation allocate = consensus.proved.get(0);
        assertEquals(ConsensusGate.ALLOCATE, allocate.kind());
        assertEquals("memory", allocate.subject());
        assertArrayEquals("kind=memory\namount=10\nlease_seconds=3600\nowner=alice\n"
                .getBytes(StandardCharsets.UTF_8), allocate.payload());
        Operation release = consensus.proved.get(1);
        assertEquals(ConsensusGate.RELEASE, release.kind());
        assertEquals(allocation.id(), release.subject());
        assertEquals(consensus.proved, consensus.validated);
    }

    @Test
    public void aRefusalOrFailureOfConsensusIsTheCallersError() throws Exception {
        registry = start(false);
        registry.setConsensus(consensus);
        consensus.verdict.set(Verdict.refused("proof of stake below the minimum"));
        AssetException refused = assertThrows(AssetException.class,
                () -> registry.allocate("memory", 10, Duration.ofHours(1), "alice"));
        assertTrue(refused.getMessage(), refused.getMessage().endsWith("consensus refused it: proof of stake below "
                + "the minimum"));
        consensus.verdict.set(Verdict.ok());
        consensus.proveFailure.set(new ProofException("proof type work unavailable"));
        refused = assertThrows(AssetException.class,
                () -> registry.allocate("memory", 10, Duration.ofHours(1), "alice"));
        assertTrue(refused.getMessage(), refused.getMessage().endsWith("proof type work unavailable"));
        assertTrue(registry.allocations().isEmpty());
        assertTrue(memory.reserved.isEmpty());
    }

    /** Test double of the consensus service: records operations and answers as told. */
    private static final class RecordingConsensus implements ConsensusService {
        final List<Operation> proved = new ArrayList<>();
        final List<Operation> validated = new ArrayList<>();
        final AtomicReference<Verdict> verdict = new AtomicReference<>(Verdict.ok());
        final AtomicReference<ProofException> proveFailure = new AtomicReference<>();

        @Override
        public synchronized ConsensusProof prove(Operation operation) throws ProofException {
            if (proveFailure.get() != null) {
                throw proveFailure.get();
            }
            proved.add(operation);
            return new ConsensusProof("proof-" + proved.size(), new byte[32], "node1", 0, new byte[16], List.of(),
                    new byte[0], new byte[0]);
        }

        @Override
        public synchronized Verdict validate(Operation operation, ConsensusProof proof) {
            validated.add(operation);
            return verdict.get();
        }

        @Override
        public ConsensusProof decode(byte[] encoded) throws ProofException {
            throw new ProofException("not used by these tests");
        }

        @Override
        public network.internet2.hypermesh.proof.ConsensusStatus status() {
            throw new UnsupportedOperationException("not used by these tests");
        }
    }
}
