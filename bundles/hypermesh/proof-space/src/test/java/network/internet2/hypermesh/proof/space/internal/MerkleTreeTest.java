package network.internet2.hypermesh.proof.space.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.Test;

public class MerkleTreeTest {

    private final MessageDigest digest = MerkleTree.sha256();

    /** SHA-256 over the concatenation of the parts, spelled out by hand. */
    private byte[] sha(byte[]... parts) {
        MessageDigest d = MerkleTree.sha256();
        for (byte[] part : parts) {
            d.update(part);
        }
        return d.digest();
    }

    private byte[] leaf(String data) {
        return sha(new byte[] {0}, data.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] node(byte[] left, byte[] right) {
        return sha(new byte[] {1}, left, right);
    }

    private static byte[] pack(byte[]... hashes) {
        byte[] packed = new byte[hashes.length * 32];
        for (int i = 0; i < hashes.length; i++) {
            System.arraycopy(hashes[i], 0, packed, i * 32, 32);
        }
        return packed;
    }

    private byte[][] leaves(int n) {
        byte[][] leaves = new byte[n][];
        for (int i = 0; i < n; i++) {
            leaves[i] = leaf("leaf " + i);
        }
        return leaves;
    }

    /** RFC 6962 section 2.1, written recursively as the RFC states it. */
    private byte[] rfc6962(byte[][] leafHashes, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leafHashes[from];
        }
        int k = Integer.highestOneBit(n - 1);
        return node(rfc6962(leafHashes, from, from + k), rfc6962(leafHashes, from + k, to));
    }

    @Test
    public void hashesLeavesAndNodesWithTheirDomainPrefix() {
        assertArrayEquals(leaf("abc"), MerkleTree.leafHash(digest, "abc".getBytes(StandardCharsets.US_ASCII)));
        // SHA-256 of the single byte 0x00: the RFC 6962 hash of an empty leaf
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                HexFormat.of().formatHex(MerkleTree.leafHash(digest, new byte[0])));
        byte[] out = new byte[32];
        byte[] a = leaf("a");
        byte[] b = leaf("b");
        MerkleTree.nodeHash(digest, a, 0, b, 0, out, 0);
        assertArrayEquals(node(a, b), out);
    }

    @Test
    public void rootsOfSmallTreesAreTheHandComputedOnes() {
        byte[] l0 = leaf("leaf 0");
        byte[] l1 = leaf("leaf 1");
        byte[] l2 = leaf("leaf 2");
        byte[] l3 = leaf("leaf 3");
        byte[] l4 = leaf("leaf 4");
        assertArrayEquals(l0, MerkleTree.root(digest, pack(l0), 1));
        assertArrayEquals(node(l0, l1), MerkleTree.root(digest, pack(l0, l1), 2));
        assertArrayEquals("three leaves: the last one moves up unpaired", node(node(l0, l1), l2),
                MerkleTree.root(digest, pack(l0, l1, l2), 3));
        assertArrayEquals(node(node(l0, l1), node(l2, l3)), MerkleTree.root(digest, pack(l0, l1, l2, l3), 4));
        assertArrayEquals("five leaves: RFC 6962 splits 4 + 1", node(node(node(l0, l1), node(l2, l3)), l4),
                MerkleTree.root(digest, pack(l0, l1, l2, l3, l4), 5));
    }

    @Test
    public void matchesTheRecursiveRfc6962DefinitionForEveryTreeUpTo70Leaves() {
        for (int n = 1; n <= 70; n++) {
            byte[][] leaves = leaves(n);
            assertArrayEquals("n=" + n, rfc6962(leaves, 0, n), MerkleTree.root(digest, pack(leaves), n));
        }
    }

    @Test
    public void pathsOfEveryLeafLeadToTheRootAndHaveTheExpectedLength() {
        for (int n = 1; n <= 40; n++) {
            byte[][] leaves = leaves(n);
            byte[][] levels = MerkleTree.levels(digest, pack(leaves), n);
            byte[] root = levels[levels.length - 1];
            for (int i = 0; i < n; i++) {
                List<byte[]> path = new ArrayList<>();
                MerkleTree.siblings(levels, i, path);
                assertEquals("n=" + n + " i=" + i, MerkleTree.pathLength(i, n), path.size());
                assertArrayEquals("n=" + n + " i=" + i, root,
                        MerkleTree.rootFromPath(digest, leaves[i], i, n, path));
            }
        }
    }

    @Test
    public void pathOfALeafInSevenIsItsSiblingsByHand() {
        byte[][] l = leaves(7);
        byte[][] levels = MerkleTree.levels(digest, pack(l), 7);
        List<byte[]> path = new ArrayList<>();
        MerkleTree.siblings(levels, 6, path);
        // leaf 6 has no sibling at the bottom; then node(4,5); then node(node(0,1), node(2,3))
        assertEquals(2, path.size());
        assertArrayEquals(node(l[4], l[5]), path.get(0));
        assertArrayEquals(node(node(l[0], l[1]), node(l[2], l[3])), path.get(1));
        path.clear();
        MerkleTree.siblings(levels, 2, path);
        assertEquals(3, path.size());
        assertArrayEquals(l[3], path.get(0));
        assertArrayEquals(node(l[0], l[1]), path.get(1));
        assertArrayEquals(node(node(l[4], l[5]), l[6]), path.get(2));
    }

    @Test
    public void refusesAlteredPathsIndicesAndLeaves() {
        int n = 13;
        byte[][] leaves = leaves(n);
        byte[][] levels = MerkleTree.levels(digest, pack(leaves), n);
        byte[] root = levels[levels.length - 1];
        List<byte[]> path = new ArrayList<>();
        MerkleTree.siblings(levels, 5, path);

        List<byte[]> flipped = new ArrayList<>(path);
        byte[] altered = flipped.get(1).clone();
        altered[7] ^= 1;
        flipped.set(1, altered);
        assertFalse(Arrays.equals(root, MerkleTree.rootFromPath(digest, leaves[5], 5, n, flipped)));
        assertFalse("another index", Arrays.equals(root, MerkleTree.rootFromPath(digest, leaves[5], 4, n, path)));
        assertFalse("another leaf", Arrays.equals(root, MerkleTree.rootFromPath(digest, leaves[6], 5, n, path)));
        assertNull("a hash short", MerkleTree.rootFromPath(digest, leaves[5], 5, n, path.subList(0, path.size() - 1)));
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(root);
        assertNull("a hash more", MerkleTree.rootFromPath(digest, leaves[5], 5, n, longer));
        assertNull("index outside the tree", MerkleTree.rootFromPath(digest, leaves[5], n, n, path));
    }

    @Test
    public void aTreeCutAtAnyHeightGivesTheSamePathsAsTheWholeTree() {
        for (int c = 0; c <= 4; c++) {
            for (int n = 1; n <= 40; n++) {
                byte[][] leaves = leaves(n);
                byte[][] whole = MerkleTree.levels(digest, pack(leaves), n);
                // level c from the groups of 2^c leaves, then the levels above it
                int groups = (int) MerkleTree.levelSize(n, c);
                byte[] groupRoots = new byte[groups * 32];
                for (int g = 0; g < groups; g++) {
                    int from = g << c;
                    int to = Math.min(n, from + (1 << c));
                    byte[][] members = Arrays.copyOfRange(leaves, from, to);
                    System.arraycopy(MerkleTree.root(digest, pack(members), members.length), 0, groupRoots, g * 32,
                            32);
                }
                byte[][] upper = MerkleTree.levels(digest, groupRoots, groups);
                assertArrayEquals(whole[whole.length - 1], upper[upper.length - 1]);
                for (int i = 0; i < n; i++) {
                    List<byte[]> expected = new ArrayList<>();
                    MerkleTree.siblings(whole, i, expected);
                    int from = (i >> c) << c;
                    byte[][] members = Arrays.copyOfRange(leaves, from, Math.min(n, from + (1 << c)));
                    List<byte[]> cut = new ArrayList<>();
                    MerkleTree.siblings(MerkleTree.levels(digest, pack(members), members.length), i - from, cut);
                    MerkleTree.siblings(upper, i >> c, cut);
                    assertEquals("c=" + c + " n=" + n + " i=" + i, expected.size(), cut.size());
                    for (int k = 0; k < cut.size(); k++) {
                        assertArrayEquals(expected.get(k), cut.get(k));
                    }
                }
            }
        }
    }

    @Test
    public void levelSizesHalveRoundingUp() {
        assertEquals(13, MerkleTree.levelSize(13, 0));
        assertEquals(7, MerkleTree.levelSize(13, 1));
        assertEquals(4, MerkleTree.levelSize(13, 2));
        assertEquals(1, MerkleTree.levelSize(13, 4));
        assertEquals(1, MerkleTree.levelSize(1, 10));
        assertTrue(MerkleTree.pathLength(0, 1) == 0);
        assertEquals(14, MerkleTree.pathLength(12345, 16384));
    }
}
