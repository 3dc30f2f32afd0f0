package network.internet2.hypermesh.proof.space.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.hypermesh.proof.space.PlotStatus.Phase;
import network.internet2.hypermesh.proof.space.PlotStatus.Snapshot;
import network.internet2.hypermesh.storage.StorageAccess;
import network.internet2.hypermesh.storage.internal.StorageFixture;

/**
 * The engine with the real storage asset adapter (files in a temporary
 * folder) and a registry test double that hands allocations to it.
 */
public class SpaceProofEngineTest {

    private static final String NODE = "node1.internet2.network";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long MIB = 1 << 20;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path storageDirectory;
    private Path engineDirectory;
    private StorageFixture storage;
    private FakeAssetRegistry registry;
    private final List<SpaceProofEngine> engines = new ArrayList<>();

    @Before
    public void startStorage() throws IOException {
        storageDirectory = folder.getRoot().toPath().resolve("storage");
        engineDirectory = folder.getRoot().toPath().resolve("proof-space");
        storage = new StorageFixture(storageDirectory, 256 * MIB);
        registry = new FakeAssetRegistry(storage.adapter());
    }

    @After
    public void stopAll() {
        engines.forEach(SpaceProofEngine::deactivate);
        storage.close();
    }

    private PlotParameters parameters(long blocks) {
        return new PlotParameters(NODE, blocks, 16, 8, 2, 2, Duration.ofHours(1), engineDirectory);
    }

    private SpaceProofEngine start(PlotParameters parameters, StorageAccess access) throws IOException {
        return start(parameters, access, 1024, 16384);
    }

    private SpaceProofEngine start(PlotParameters parameters, StorageAccess access, int batch, long checkpoint)
            throws IOException {
        SpaceProofEngine engine = new SpaceProofEngine(parameters, batch, checkpoint);
        engines.add(engine);
        if (access != null) {
            engine.bindStorage(access);
        }
        if (registry != null) {
            engine.bindRegistry(registry);
        }
        return engine;
    }

    private SpaceProofEngine ready(PlotParameters parameters, StorageAccess access) throws Exception {
        SpaceProofEngine engine = start(parameters, access);
        assertReady(engine);
        return engine;
    }

    private static Snapshot assertReady(SpaceProofEngine engine) throws InterruptedException {
        Snapshot snapshot = engine.await(Phase.READY, WAIT);
        assertEquals(snapshot.detail(), Phase.READY, snapshot.phase());
        return snapshot;
    }

    private static Challenge challenge(String value) {
        return challenge(NODE, value);
    }

    private static Challenge challenge(String identity, String value) {
        return new Challenge(MerkleTree.sha256().digest(value.getBytes(StandardCharsets.UTF_8)), identity,
                new byte[] {1, 2, 3}, ("challenge " + value).getBytes(StandardCharsets.UTF_8));
    }

    /** The root computed from scratch: every block from the seed file, hashed into an RFC 6962 tree. */
    private byte[] expectedRoot(long blocks, int work) throws IOException {
        byte[] seed = Files.readAllBytes(engineDirectory.resolve(PlotSeed.FILE));
        PlotFunction.Generator generator = new PlotFunction(PlotFunction.plotKey(seed, NODE), NODE, work)
                .generator();
        byte[] leaves = new byte[Math.toIntExact(blocks * 32)];
        for (int i = 0; i < blocks; i++) {
            byte[] leaf = MerkleTree.leafHash(MerkleTree.sha256(), generator.block(i));
            System.arraycopy(leaf, 0, leaves, i * 32, 32);
        }
        return MerkleTree.root(MerkleTree.sha256(), leaves, (int) blocks);
    }

    private static Proof reencoded(Proof proof, java.util.function.UnaryOperator<SpaceProof> change)
            throws Exception {
        return new Proof(proof.type(), change.apply(SpaceProof.decode(proof.encoded())).encode());
    }

    private static void assertRefused(Verdict verdict, String reasonPart) {
        assertFalse("should be refused: " + reasonPart, verdict.valid());
        assertTrue(verdict.reason(), verdict.reason().contains(reasonPart));
    }

    @Test
    public void provesAndVerifiesOnceThePlotIsReady() throws Exception {
        SpaceProofEngine engine = ready(parameters(64), storage.access());
        assertEquals(ProofEngine.SPACE, engine.type());
        Snapshot status = engine.snapshot();
        assertTrue(status.ready());
        assertEquals(NODE, status.nodeIdentity());
        assertEquals(64, status.blocksBuilt());
        assertEquals(64, status.blockCount());
        assertEquals(64 * (4096 + 32), status.plotBytes());
        assertEquals(HexFormat.of().formatHex(expectedRoot(64, 16)), status.rootHex());
        Allocation allocation = registry.find(status.allocationId()).orElseThrow();
        assertEquals("proof-space", allocation.owner());
        assertEquals("storage", allocation.kind());
        assertEquals(64 * (4096 + 32), allocation.amount());
        assertEquals(status.rootHex(), engine.registered(NODE).orElseThrow().rootHex());

        Challenge challenge = challenge("op-1");
        Proof proof = engine.prove(challenge);
        assertEquals(ProofEngine.SPACE, proof.type());
        assertEquals(Verdict.ok(), engine.verify(challenge, proof));
        SpaceProof decoded = SpaceProof.decode(proof.encoded());
        assertEquals(8, decoded.answers().size());
        long[] asked = SpaceProof.indices(challenge.value(), 64, 8);
        for (int k = 0; k < 8; k++) {
            assertEquals(asked[k], decoded.answers().get(k).index());
        }
    }

    @Test
    public void refusesAProofForAnotherChallenge() throws Exception {
        SpaceProofEngine engine = ready(parameters(64), storage.access());
        Proof proof = engine.prove(challenge("op-1"));
        assertRefused(engine.verify(challenge("op-2"), proof), "but the challenge asks for block");
    }

    @Test
    public void refusesTamperedBlocksPathsIndicesCountsAndRoots() throws Exception {
        SpaceProofEngine engine = ready(parameters(64), storage.access());
        Challenge challenge = challenge("op-1");
        Proof proof = engine.prove(challenge);

        assertRefused(engine.verify(challenge, reencoded(proof, p -> {
            List<SpaceProof.Answer> answers = new ArrayList<>(p.answers());
            SpaceProof.Answer first = answers.get(0);
            byte[] block = first.block();
            block[100] ^= 1;
            answers.set(0, new SpaceProof.Answer(first.index(), block, first.path()));
            return new SpaceProof(p.blockCount(), p.root(), answers);
        })), "and its Merkle path lead to");

        assertRefused(engine.verify(challenge, reencoded(proof, p -> {
            List<SpaceProof.Answer> answers = new ArrayList<>(p.answers());
            SpaceProof.Answer last = answers.get(7);
            List<byte[]> path = new ArrayList<>(last.path());
            byte[] hash = path.get(path.size() - 1);
            hash[0] ^= (byte) 0x80;
            path.set(path.size() - 1, hash);
            answers.set(7, new SpaceProof.Answer(last.index(), last.block(), path));
            return new SpaceProof(p.blockCount(), p.root(), answers);
        })), "and its Merkle path lead to");

        assertRefused(engine.verify(challenge, reencoded(proof, p -> {
            List<SpaceProof.Answer> answers = new ArrayList<>(p.answers());
            SpaceProof.Answer last = answers.get(7);
            answers.set(7, new SpaceProof.Answer(last.index(), last.block(),
                    last.path().subList(0, last.path().size() - 1)));
            return new SpaceProof(p.blockCount(), p.root(), answers);
        })), "Merkle path of block");

        assertRefused(engine.verify(challenge, reencoded(proof, p -> {
            List<SpaceProof.Answer> answers = new ArrayList<>(p.answers());
            SpaceProof.Answer first = answers.get(0);
            answers.set(0, new SpaceProof.Answer((first.index() + 1) % 64, first.block(), first.path()));
            return new SpaceProof(p.blockCount(), p.root(), answers);
        })), "answer 0 is for block");

        assertRefused(engine.verify(challenge, reencoded(proof,
                p -> new SpaceProof(p.blockCount() + 1, p.root(), p.answers()))), "is for a plot of 65 blocks");

        assertRefused(engine.verify(challenge, reencoded(proof, p -> {
            byte[] root = p.root();
            root[31] ^= 1;
            return new SpaceProof(p.blockCount(), root, p.answers());
        })), "is for root");

        assertRefused(engine.verify(challenge, reencoded(proof,
                p -> new SpaceProof(p.blockCount(), p.root(), p.answers().subList(0, 7)))),
                "answers 7 challenges; 8 are required");

        assertRefused(engine.verify(challenge, reencoded(proof, p -> {
            List<SpaceProof.Answer> answers = new ArrayList<>(p.answers());
            answers.add(answers.get(0));
            return new SpaceProof(p.blockCount(), p.root(), answers);
        })), "answers 9 challenges; 8 are required");

        assertEquals("the untouched proof still holds", Verdict.ok(), engine.verify(challenge, proof));
    }

    @Test
    public void refusesTruncatedExtendedAndMalformedEncodings() throws Exception {
        SpaceProofEngine engine = ready(parameters(64), storage.access());
        Challenge challenge = challenge("op-1");
        byte[] encoded = engine.prove(challenge).encoded();
        for (int length = 0; length < encoded.length; length += length < 64 ? 1 : 173) {
            Verdict verdict = engine.verify(challenge, new Proof("space", Arrays.copyOf(encoded, length)));
            assertRefused(verdict, "malformed space proof");
        }
        assertRefused(engine.verify(challenge, new Proof("space", Arrays.copyOf(encoded, encoded.length - 1))),
                "truncated");
        assertRefused(engine.verify(challenge, new Proof("space", Arrays.copyOf(encoded, encoded.length + 1))),
                "1 bytes after its last answer");
        byte[] otherVersion = encoded.clone();
        otherVersion[0] = 2;
        assertRefused(engine.verify(challenge, new Proof("space", otherVersion)), "has version 2");
        byte[] longPath = encoded.clone();
        longPath[1 + 8 + 32 + 2 + 8 + 4096] = (byte) 200;
        assertRefused(engine.verify(challenge, new Proof("space", longPath)), "Merkle path of 200 hashes");
        assertRefused(engine.verify(challenge, new Proof("work", encoded)), "not a space proof");
        assertRefused(engine.verify(challenge, null), "no space proof");
        assertRefused(engine.verify(null, new Proof("space", encoded)), "no challenge");
    }

    @Test
    public void refusesAnUnknownIdentity() throws Exception {
        SpaceProofEngine engine = ready(parameters(64), storage.access());
        Proof proof = engine.prove(challenge("op-1"));
        assertRefused(engine.verify(challenge("node9.internet2.network", "op-1"), proof),
                "no plot registered for node9.internet2.network");
        ProofException refused = assertThrows(ProofException.class,
                () -> engine.prove(challenge("node9.internet2.network", "op-1")));
        assertTrue(refused.getMessage(), refused.getMessage().startsWith("this node's plot is for " + NODE));
    }

    @Test
    public void provingBeforeThePlotIsReadyFailsWithProgress() throws Exception {
        RecordingStorage holding = new RecordingStorage(storage.access(), 1);
        SpaceProofEngine engine = start(parameters(64), holding);
        assertTrue("plotting reached its first write", holding.held.await(30, TimeUnit.SECONDS));
        ProofException notReady = assertThrows(ProofException.class, () -> engine.prove(challenge("op-1")));
        assertTrue(notReady.getMessage(), notReady.getMessage().startsWith("the plot is not ready (0 of 64 blocks)"));
        Snapshot plotting = engine.snapshot();
        assertEquals(Phase.PLOTTING, plotting.phase());
        assertNull(plotting.rootHex());
        assertNotNull(plotting.allocationId());

        holding.letGo.countDown();
        assertReady(engine);
        Challenge challenge = challenge("op-1");
        assertEquals(Verdict.ok(), engine.verify(challenge, engine.prove(challenge)));
    }

    @Test
    public void withoutStorageOrRegistryProvingNamesTheMissingFeatureAndVerifyingStillWorks() throws Exception {
        SpaceProofEngine first = ready(parameters(64), storage.access());
        Challenge challenge = challenge("op-1");
        Proof proof = first.prove(challenge);
        first.unbindStorage(storage.access());
        ProofException noStorage = assertThrows(ProofException.class, () -> first.prove(challenge));
        assertTrue(noStorage.getMessage(), noStorage.getMessage().contains("install the asset-storage feature"));
        assertEquals(Phase.WAITING, first.snapshot().phase());
        assertEquals("verifying needs no storage", Verdict.ok(), first.verify(challenge, proof));
        first.deactivate();

        FakeAssetRegistry keep = registry;
        registry = null;
        SpaceProofEngine alone = start(parameters(64), null);
        ProofException nothing = assertThrows(ProofException.class, () -> alone.prove(challenge));
        assertTrue(nothing.getMessage(), nothing.getMessage().contains("asset-storage and hypermesh-assets"));
        assertEquals("verifying works from the registered roots", Verdict.ok(), alone.verify(challenge, proof));
        alone.bindStorage(storage.access());
        ProofException noRegistry = assertThrows(ProofException.class, () -> alone.prove(challenge));
        assertTrue(noRegistry.getMessage(), noRegistry.getMessage().contains("install the hypermesh-assets feature"));
        Snapshot waiting = alone.await(s -> s.detail().contains("asset registry is not installed"), WAIT);
        assertEquals(Phase.WAITING, waiting.phase());

        alone.bindRegistry(keep);
        assertReady(alone);
        assertEquals("the plot was reused", 1, keep.allocations.get());
        assertEquals(Verdict.ok(), alone.verify(challenge, alone.prove(challenge)));
    }

    @Test
    public void restartReusesThePlotWithoutPlottingAgain() throws Exception {
        SpaceProofEngine first = ready(parameters(64), storage.access());
        Snapshot before = first.snapshot();
        Proof proof = first.prove(challenge("op-1"));
        first.deactivate();
        storage.close();

        // the node restarts: storage asset, registry (from its journal) and engine
        storage = new StorageFixture(storageDirectory, 256 * MIB);
        registry.restartWith(storage.adapter());
        RecordingStorage recording = new RecordingStorage(storage.access());
        SpaceProofEngine second = start(parameters(64), recording);
        Snapshot after = assertReady(second);
        assertEquals(before.rootHex(), after.rootHex());
        assertEquals(before.allocationId(), after.allocationId());
        assertEquals("no new allocation", 1, registry.allocations.get());
        assertEquals("nothing written: no re-plot", List.of(), recording.writeOffsets);
        assertTrue("the lease was renewed at once", registry.renewals.get() >= 1);
        assertEquals(Verdict.ok(), second.verify(challenge("op-1"), proof));
        assertEquals(Verdict.ok(), second.verify(challenge("op-2"), second.prove(challenge("op-2"))));
    }

    @Test
    public void waitsForTheStorageAssetToHoldTheAllocationAfterARestart() throws Exception {
        SpaceProofEngine first = ready(parameters(64), storage.access());
        String root = first.snapshot().rootHex();
        first.deactivate();
        storage.close();

        storage = new StorageFixture(storageDirectory, 256 * MIB);
        SpaceProofEngine second = start(parameters(64), storage.access());
        Snapshot waiting = second.await(s -> s.detail().startsWith("waiting for the storage asset"), WAIT);
        assertTrue(waiting.detail(), waiting.detail().startsWith("waiting for the storage asset to hold allocation"));
        registry.restartWith(storage.adapter());
        assertEquals(root, assertReady(second).rootHex());
        assertEquals(1, registry.allocations.get());
    }

    @Test
    public void aLostAllocationIsPlottedAgainWithTheSameRoot() throws Exception {
        SpaceProofEngine first = ready(parameters(64), storage.access());
        Snapshot before = first.snapshot();
        first.deactivate();
        registry.expire(before.allocationId());

        SpaceProofEngine second = start(parameters(64), storage.access());
        Snapshot after = assertReady(second);
        assertNotEquals(before.allocationId(), after.allocationId());
        assertEquals("the plot derives from the same seed", before.rootHex(), after.rootHex());
        assertEquals(2, registry.allocations.get());
    }

    @Test
    public void otherPlotParametersReleaseTheOldAllocationAndRegisterTheNewRoot() throws Exception {
        SpaceProofEngine first = ready(parameters(64), storage.access());
        Snapshot before = first.snapshot();
        Proof old = first.prove(challenge("op-1"));
        first.deactivate();

        SpaceProofEngine second = ready(parameters(100), storage.access());
        Snapshot after = second.snapshot();
        assertEquals(List.of(before.allocationId()), registry.released);
        assertEquals(HexFormat.of().formatHex(expectedRoot(100, 16)), after.rootHex());
        assertEquals(100, second.registered(NODE).orElseThrow().blockCount());
        assertRefused(second.verify(challenge("op-1"), old), "is for a plot of 64 blocks");
        assertEquals(Verdict.ok(), second.verify(challenge("op-1"), second.prove(challenge("op-1"))));
    }

    @Test
    public void anInterruptedPlotResumesFromItsLastCheckpoint() throws Exception {
        // batches of 16 blocks, a checkpoint after each: writes 1-2 are batch 1 (blocks, leaf hashes)
        RecordingStorage holding = new RecordingStorage(storage.access(), 5);
        SpaceProofEngine first = start(parameters(100), holding, 16, 16);
        assertTrue(holding.held.await(30, TimeUnit.SECONDS));
        first.stopPlotting();
        holding.letGo.countDown();
        first.deactivate();
        PlotState interrupted = PlotState.load(engineDirectory);
        assertEquals("stopped after the held batch's checkpoint", 48, interrupted.blocksBuilt());
        assertFalse(interrupted.complete());

        RecordingStorage recording = new RecordingStorage(storage.access());
        SpaceProofEngine second = start(parameters(100), recording, 16, 16);
        Snapshot done = assertReady(second);
        assertEquals("resumed at block 48", Long.valueOf(48L * 4096), recording.writeOffsets.get(0));
        assertEquals(1, registry.allocations.get());
        assertEquals(HexFormat.of().formatHex(expectedRoot(100, 16)), done.rootHex());
        assertEquals(Verdict.ok(), second.verify(challenge("op-1"), second.prove(challenge("op-1"))));
    }

    @Test
    public void aDamagedBlockIsNoticedWhenProvingAndThePlotIsMadeAgain() throws Exception {
        SpaceProofEngine engine = ready(parameters(64), storage.access());
        Challenge challenge = challenge("op-1");
        String allocation = engine.snapshot().allocationId();
        long victim = SpaceProof.indices(challenge.value(), 64, 8)[3];
        storage.access().write(allocation, victim * 4096 + 10, new byte[] {1, 2, 3});

        ProofException damaged = assertThrows(ProofException.class, () -> engine.prove(challenge));
        assertTrue(damaged.getMessage(), damaged.getMessage().contains("block " + victim
                + " of the plot in storage allocation " + allocation + " does not match its leaf hash"));
        assertReady(engine);
        assertEquals(allocation, engine.snapshot().allocationId());
        assertEquals(Verdict.ok(), engine.verify(challenge, engine.prove(challenge)));
    }

    @Test
    public void keepsTheSeedStateAndRootsOwnerOnly() throws Exception {
        ready(parameters(64), storage.access());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(engineDirectory)));
        for (String file : List.of(PlotSeed.FILE, PlotState.FILE, RootRegistry.FILE)) {
            assertEquals(file, "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(engineDirectory.resolve(file))));
        }
        assertEquals(32, Files.size(engineDirectory.resolve(PlotSeed.FILE)));
    }

    @Test
    public void refusesASeedFileOfTheWrongLength() throws Exception {
        Files.createDirectories(engineDirectory);
        Files.write(engineDirectory.resolve(PlotSeed.FILE), new byte[31]);
        IOException refused = assertThrows(IOException.class, () -> start(parameters(64), storage.access()));
        assertTrue(refused.getMessage(), refused.getMessage().contains("has 31 bytes, not 32"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("storage.directory"));
    }

    @Test
    public void reportsWhyPlottingFailsWhenStorageIsShort() throws Exception {
        storage.close();
        storage = new StorageFixture(storageDirectory.resolve("small"), 64 * 4096);
        registry = new FakeAssetRegistry(storage.adapter());
        SpaceProofEngine engine = start(parameters(64), storage.access());
        Snapshot failed = engine.await(Phase.FAILED, WAIT);
        assertEquals(failed.detail(), Phase.FAILED, failed.phase());
        assertTrue(failed.detail(), failed.detail().startsWith("the storage for the plot is not available: cannot "
                + "allocate"));
        assertTrue(failed.detail(), failed.detail().contains("lower plot.blocks"));
        ProofException refused = assertThrows(ProofException.class, () -> engine.prove(challenge("op-1")));
        assertTrue(refused.getMessage(), refused.getMessage().startsWith("the plot is not ready (0 of 64 blocks)"));
    }
}
