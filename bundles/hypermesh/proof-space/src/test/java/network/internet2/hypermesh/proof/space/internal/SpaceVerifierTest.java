package network.internet2.hypermesh.proof.space.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.Verdict;

/** The verifier alone, against commitments registered by hand. */
public class SpaceVerifierTest {

    private static final String NODE = "cheater.internet2.network";
    private static final int BLOCKS = 32;
    private static final int CHALLENGES = 4;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final MessageDigest digest = MerkleTree.sha256();

    /** A proof answering the challenge from the given blocks, with honest Merkle paths over them. */
    private Proof proofOver(byte[][] blocks, byte[] value) {
        byte[] leaves = new byte[BLOCKS * 32];
        for (int i = 0; i < BLOCKS; i++) {
            MerkleTree.leafHash(digest, blocks[i], 0, blocks[i].length, leaves, i * 32);
        }
        byte[][] levels = MerkleTree.levels(digest, leaves, BLOCKS);
        List<SpaceProof.Answer> answers = new ArrayList<>();
        for (long index : SpaceProof.indices(value, BLOCKS, CHALLENGES)) {
            List<byte[]> path = new ArrayList<>();
            MerkleTree.siblings(levels, index, path);
            answers.add(new SpaceProof.Answer(index, blocks[(int) index], path));
        }
        return new Proof("space", new SpaceProof(BLOCKS, levels[levels.length - 1], answers).encode());
    }

    private Commitment commit(byte[][] blocks, byte[] plotKey, int work) {
        byte[] leaves = new byte[BLOCKS * 32];
        for (int i = 0; i < BLOCKS; i++) {
            MerkleTree.leafHash(digest, blocks[i], 0, blocks[i].length, leaves, i * 32);
        }
        return new Commitment(NODE, BLOCKS, work, plotKey, MerkleTree.root(digest, leaves, BLOCKS));
    }

    @Test
    public void refusesAPlotOfBlocksThatCostNothingToMake() throws Exception {
        // a prover committing to all-zero blocks could keep one block and log2(n) hashes:
        // its Merkle paths are right, but its blocks are not the plot data of its registered key
        byte[][] zeros = new byte[BLOCKS][4096];
        RootRegistry roots = RootRegistry.open(folder.getRoot().toPath());
        roots.register(commit(zeros, new byte[32], 8));
        SpaceVerifier verifier = new SpaceVerifier(roots, CHALLENGES);
        byte[] value = "operation".getBytes(StandardCharsets.UTF_8);
        Challenge challenge = new Challenge(new byte[32], NODE, new byte[8], value);

        Verdict verdict = verifier.verify(challenge, proofOver(zeros, value));
        assertFalse(verdict.valid());
        assertTrue(verdict.reason(), verdict.reason().endsWith("is not the plot data of " + NODE));
    }

    @Test
    public void acceptsTheRealPlotDataUnderTheSameCommitmentShape() throws Exception {
        byte[] plotKey = PlotFunction.plotKey(new byte[32], NODE);
        PlotFunction.Generator generator = new PlotFunction(plotKey, NODE, 8).generator();
        byte[][] blocks = new byte[BLOCKS][];
        for (int i = 0; i < BLOCKS; i++) {
            blocks[i] = generator.block(i);
        }
        RootRegistry roots = RootRegistry.open(folder.getRoot().toPath());
        roots.register(commit(blocks, plotKey, 8));
        byte[] value = "operation".getBytes(StandardCharsets.UTF_8);
        Challenge challenge = new Challenge(new byte[32], NODE, new byte[8], value);
        assertEquals(Verdict.ok(), new SpaceVerifier(roots, CHALLENGES).verify(challenge, proofOver(blocks, value)));
        assertEquals("the registry is durable", Verdict.ok(), new SpaceVerifier(RootRegistry.open(folder.getRoot()
                .toPath()), CHALLENGES).verify(challenge, proofOver(blocks, value)));
    }
}
