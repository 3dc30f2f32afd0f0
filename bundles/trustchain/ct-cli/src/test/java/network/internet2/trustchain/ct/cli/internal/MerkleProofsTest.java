package network.internet2.trustchain.ct.cli.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.Test;

/** The verification algorithms of RFC 9162 (2.1.3.2 and 2.1.4.2) against trees the test computes itself. */
public class MerkleProofsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_SIZE = 33;

    /** The leaves of the RFC 6962 reference implementation's Merkle tree tests. */
    private static final List<byte[]> VECTOR_LEAVES = List.of(HEX.parseHex(""), HEX.parseHex("00"),
            HEX.parseHex("10"), HEX.parseHex("2021"), HEX.parseHex("3031"), HEX.parseHex("40414243"),
            HEX.parseHex("5051525354555657"), HEX.parseHex("606162636465666768696a6b6c6d6e6f"));
    private static final List<String> VECTOR_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static List<byte[]> leafHashes(int n) {
        return FakeLog.ofSize(n).leafHashes();
    }

    private static List<byte[]> withExtra(List<byte[]> path) {
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(new byte[32]);
        return longer;
    }

    @Test
    public void computesTheRootsOfTheRfc6962TestVectors() {
        List<byte[]> hashes = VECTOR_LEAVES.stream().map(MerkleProofs::leafHash).toList();
        for (int n = 1; n <= VECTOR_LEAVES.size(); n++) {
            byte[] root = HEX.parseHex(VECTOR_ROOTS.get(n - 1));
            assertArrayEquals("root of " + n, root, ReferenceTree.mth(hashes, 0, n));
            for (int m = 0; m < n; m++) {
                assertArrayEquals(m + " in " + n, root,
                        MerkleProofs.inclusionRoot(m, n, hashes.get(m), ReferenceTree.path(m, hashes, 0, n)));
            }
        }
        assertEquals(List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
                ReferenceTree.path(0, hashes, 0, 8).stream().map(HEX::formatHex).toList());
    }

    @Test
    public void acceptsEveryInclusionPathOfEveryTreeAndNothingTamperedWith() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            List<byte[]> hashes = leafHashes(n);
            byte[] root = ReferenceTree.mth(hashes, 0, n);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = ReferenceTree.path(m, hashes, 0, n);
                String at = m + " in " + n;
                assertTrue(at, MerkleProofs.verifyInclusion(m, n, hashes.get(m), path, root));
                for (int i = 0; i < path.size(); i++) {
                    assertFalse(at + ", hash " + i + " flipped",
                            MerkleProofs.verifyInclusion(m, n, hashes.get(m), FakeLog.flipBit(path, i), root));
                }
                assertFalse(at + ", one hash too many",
                        MerkleProofs.verifyInclusion(m, n, hashes.get(m), withExtra(path), root));
                if (!path.isEmpty()) {
                    assertFalse(at + ", last hash missing", MerkleProofs.verifyInclusion(m, n, hashes.get(m),
                            path.subList(0, path.size() - 1), root));
                    assertFalse(at + ", another leaf",
                            MerkleProofs.verifyInclusion(m, n, hashes.get((m + 1) % n), path, root));
                    assertFalse(at + ", another index",
                            MerkleProofs.verifyInclusion((m + 1) % n, n, hashes.get(m), path, root));
                }
                if (n > 1) {
                    assertFalse(at + ", another tree",
                            MerkleProofs.verifyInclusion(m, n, hashes.get(m), path, ReferenceTree.mth(hashes, 0,
                                    n - 1)));
                }
            }
        }
    }

    @Test
    public void refusesInclusionPathsThatCannotBeOne() {
        List<byte[]> hashes = leafHashes(4);
        List<byte[]> path = ReferenceTree.path(1, hashes, 0, 4);
        assertNull(MerkleProofs.inclusionRoot(4, 4, hashes.get(1), path));
        assertNull(MerkleProofs.inclusionRoot(-1, 4, hashes.get(1), path));
        List<byte[]> shortHash = new ArrayList<>(path);
        shortHash.set(0, new byte[31]);
        assertNull(MerkleProofs.inclusionRoot(1, 4, hashes.get(1), shortHash));
    }

    @Test
    public void acceptsEveryConsistencyProofAndNothingTamperedWith() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            List<byte[]> hashes = leafHashes(n);
            byte[] second = ReferenceTree.mth(hashes, 0, n);
            for (int m = 1; m <= n; m++) {
                byte[] first = ReferenceTree.mth(hashes, 0, m);
                List<byte[]> proof = ReferenceTree.proof(m, hashes, n);
                String at = m + " to " + n;
                assertTrue(at, MerkleProofs.verifyConsistency(m, n, first, second, proof));
                for (int i = 0; i < proof.size(); i++) {
                    assertFalse(at + ", hash " + i + " flipped",
                            MerkleProofs.verifyConsistency(m, n, first, second, FakeLog.flipBit(proof, i)));
                }
                assertFalse(at + ", one hash too many",
                        MerkleProofs.verifyConsistency(m, n, first, second, withExtra(proof)));
                byte[] otherFirst = first.clone();
                otherFirst[0] ^= 1;
                assertFalse(at + ", another first root",
                        MerkleProofs.verifyConsistency(m, n, otherFirst, second, proof));
                if (m == n) {
                    assertTrue(at, proof.isEmpty());
                    continue;
                }
                assertFalse(at + ", last hash missing",
                        MerkleProofs.verifyConsistency(m, n, first, second, proof.subList(0, proof.size() - 1)));
                MerkleProofs.Roots computed = MerkleProofs.consistencyRoots(m, n, null, proof);
                if (Long.bitCount(m) == 1) {
                    // the first tree is a node of the second: the proof leaves its root out
                    assertNull(at, computed);
                } else {
                    assertArrayEquals(at, first, computed.first());
                    assertArrayEquals(at, second, computed.second());
                }
            }
        }
    }

    @Test
    public void refusesConsistencyProofsBetweenSizesThatHaveNone() {
        List<byte[]> hashes = leafHashes(8);
        List<byte[]> proof = ReferenceTree.proof(3, hashes, 8);
        assertNull(MerkleProofs.consistencyRoots(0, 8, null, proof));
        assertNull(MerkleProofs.consistencyRoots(8, 3, null, proof));
        assertNull(MerkleProofs.consistencyRoots(3, 8, null, List.of()));
        assertFalse(MerkleProofs.verifyConsistency(3, 3, ReferenceTree.mth(hashes, 0, 3),
                ReferenceTree.mth(hashes, 0, 3), proof));
    }
}
