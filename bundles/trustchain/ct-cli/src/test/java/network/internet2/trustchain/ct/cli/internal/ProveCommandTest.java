package network.internet2.trustchain.ct.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Rule;
import org.junit.Test;

import network.internet2.trustchain.ct.LogException;

/**
 * {@code ct:prove} against a log whose tree the test computes itself
 * ({@link ReferenceTree}): the proofs are verified for real, and paths
 * tampered with must be reported as failing.
 */
public class ProveCommandTest {

    private static final int STORED = 17;
    private static final String WRONG_PROOF = "the log handed out a wrong proof: report it to the log's operator";

    @Rule
    public Console console = new Console();

    /** 17 entries stored, the latest signed tree head covering the first 8 unless a test says otherwise. */
    private final FakeLog log = FakeLog.ofSize(STORED);

    {
        log.signedSize = 8;
    }

    private ProveCommand inclusion(Long treeSize, long index) {
        ProveCommand command = new ProveCommand();
        command.log = log;
        command.treeSize = treeSize;
        command.index = index;
        return command;
    }

    private ProveCommand consistency(long first, Long second, String firstRoot) {
        ProveCommand command = new ProveCommand();
        command.log = log;
        command.consistency = true;
        command.index = first;
        command.second = second;
        command.firstRoot = firstRoot;
        return command;
    }

    private List<String> run(ProveCommand command) throws Exception {
        console.reset();
        assertEquals(null, command.execute());
        return lines();
    }

    private List<String> lines() {
        return List.of(console.out().split("\n"));
    }

    private String refused(ProveCommand command) {
        console.reset();
        return assertThrows(CommandException.class, command::execute).getMessage();
    }

    private static List<String> indented(List<byte[]> path) {
        return path.stream().map(hash -> "  " + Format.hex(hash)).toList();
    }

    /** @return what ct:prove prints of the inclusion proof of entry {@code index} in the first {@code size} leaves */
    private List<String> inclusionOutput(int index, int size) {
        List<byte[]> hashes = log.leafHashes();
        List<byte[]> path = ReferenceTree.path(index, hashes, 0, size);
        List<String> expected = new ArrayList<>(List.of("Inclusion proof of entry " + index + " in the tree of size "
                + size, "Leaf hash: " + Format.hex(hashes.get(index))));
        expected.add(path.isEmpty() ? "Audit path: empty"
                : "Audit path (" + Format.hashes(path.size()) + ", from the leaf upwards):");
        expected.addAll(indented(path));
        return expected;
    }

    @Test
    public void provesAndVerifiesEveryEntryOfTreesOfEverySize() throws Exception {
        for (int size = 1; size <= STORED; size++) {
            log.signedSize = size;
            for (int index = 0; index < size; index++) {
                List<String> expected = new ArrayList<>(inclusionOutput(index, size));
                expected.add("verified against the signed tree head of size " + size);
                assertEquals(index + " in " + size, expected, run(inclusion(null, index)));
            }
        }
        assertEquals("", console.err());
    }

    @Test
    public void asksTheLogForTheProofOfTheLeafHashOfTheEntry() throws Exception {
        run(inclusion(null, 5));
        assertEquals(List.of("entries 5 5", "inclusionProof " + Format.hex(log.leafHashes().get(5)) + " 8"),
                log.calls);
    }

    @Test
    public void reportsAPathWithAFlippedBitAsFailingAfterPrintingIt() throws Exception {
        for (int which = 0; which < 3; which++) {
            int flipped = which;
            log.tamper = path -> FakeLog.flipBit(path, flipped);
            String message = refused(inclusion(null, 5));
            List<byte[]> tampered = FakeLog.flipBit(ReferenceTree.path(5, log.leafHashes(), 0, 8), which);
            // what the tampered path leads to: leaf 5 (binary 101) is a right, left, right child
            byte[] r = log.leafHashes().get(5);
            r = ReferenceTree.sha256(new byte[] {1}, tampered.get(0), r);
            r = ReferenceTree.sha256(new byte[] {1}, r, tampered.get(1));
            byte[] wrongRoot = ReferenceTree.sha256(new byte[] {1}, tampered.get(2), r);
            assertEquals("NOT verified: the path leads to root " + Format.hex(wrongRoot) + ", but the signed tree "
                    + "head of size 8 has root " + Format.hex(log.root(8)) + "; " + WRONG_PROOF, message);
            List<String> printed = new ArrayList<>(inclusionOutput(5, 8).subList(0, 3));
            printed.addAll(indented(tampered));
            assertEquals(printed, lines());
        }
    }

    @Test
    public void reportsAPathOfTheWrongLengthAsFailing() {
        log.tamper = path -> path.subList(0, path.size() - 1);
        assertEquals("NOT verified: a path of 2 hashes cannot be one of entry 5 in a tree of size 8; " + WRONG_PROOF,
                refused(inclusion(null, 5)));
        // a path of the wrong length is wrong in any tree, even one whose root this shell does not have
        assertEquals("NOT verified: a path of 2 hashes cannot be one of entry 3 in a tree of size 5; " + WRONG_PROOF,
                refused(inclusion(5L, 3)));
        log.tamper = path -> {
            List<byte[]> longer = new ArrayList<>(path);
            longer.add(log.root(8));
            return longer;
        };
        assertEquals("NOT verified: a path of 4 hashes cannot be one of entry 5 in a tree of size 8; " + WRONG_PROOF,
                refused(inclusion(null, 5)));
        log.signedSize = 1;
        log.tamper = path -> List.of(log.leafHashes().get(0));
        assertTrue(refused(inclusion(null, 0)).startsWith("NOT verified: a path of 1 hash cannot be one of entry 0"));
    }

    @Test
    public void reportsAProofOfAnotherTreeSizeAsFailing() {
        log.provedTreeSize = 7L;
        assertEquals("NOT verified: the log proved the entry in a tree of size 7, not 8; " + WRONG_PROOF,
                refused(inclusion(null, 5)));
        assertEquals("NOT verified: the log proved the entry in a tree of size 7, not 5; " + WRONG_PROOF,
                refused(inclusion(5L, 2)));
    }

    @Test
    public void saysSoWhenTheLogProvesTheSameLeafLoggedEarlier() throws Exception {
        FakeLog twice = FakeLog.ofSize(5);
        twice.append(twice.entries.get(1).leafInput(), new byte[0]);
        ProveCommand command = new ProveCommand();
        command.log = twice;
        command.index = 5;
        List<String> lines = run(command);
        List<byte[]> hashes = twice.leafHashes();
        List<String> expected = new ArrayList<>(List.of("Inclusion proof of entry 5 in the tree of size 6",
                "Leaf hash: " + Format.hex(hashes.get(1)),
                "The log proved the identical entry at index 1 (the same leaf is logged twice); the path is that "
                        + "entry's",
                "Audit path (3 hashes, from the leaf upwards):"));
        expected.addAll(indented(ReferenceTree.path(1, hashes, 0, 6)));
        expected.add("verified against the signed tree head of size 6");
        assertEquals(expected, lines);
    }

    @Test
    public void printsTheRootAPathInAnOlderTreeLeadsToWithoutClaimingToVerifyIt() throws Exception {
        List<String> expected = new ArrayList<>(inclusionOutput(3, 5));
        expected.add("not verified: this shell has only the root hash of the latest signed tree head (size 8); the "
                + "path leads to root " + Format.hex(log.root(5)) + ": compare it with a tree head of size 5 you "
                + "kept, or run ct:prove 3 without --tree-size to verify against the latest");
        assertEquals(expected, run(inclusion(5L, 3)));
        assertEquals("inclusionProof " + Format.hex(log.leafHashes().get(3)) + " 5", log.calls.get(1));

        List<String> latest = new ArrayList<>(inclusionOutput(3, 8));
        latest.add("verified against the signed tree head of size 8");
        assertEquals(latest, run(inclusion(8L, 3)));
    }

    @Test
    public void refusesAnIndexBeyondTheTreeWithoutAskingForAProof() {
        assertEquals("index 8 is beyond the tree of size 8: its entries are numbered 0 to 7",
                refused(inclusion(null, 8)));
        assertEquals("index 5 is beyond the tree of size 5: its entries are numbered 0 to 4",
                refused(inclusion(5L, 5)));
        assertEquals("--tree-size 9 is outside 1 to 8, the size of the latest signed tree head",
                refused(inclusion(9L, 1)));
        assertEquals("--tree-size 0 is outside 1 to 8, the size of the latest signed tree head",
                refused(inclusion(0L, 0)));
        assertEquals("the index must be 0 or more, not -1: entries are numbered from 0", refused(inclusion(null, -1)));
        log.signedSize = 0;
        assertEquals("the log is empty (its latest signed tree head has size 0): there is no entry to prove",
                refused(inclusion(null, 0)));
        assertEquals(List.of(), log.calls);
        assertEquals("", console.out());
    }

    @Test
    public void reportsAProofTheLogRefuses() {
        log.proofFailure = new LogException.BadRequest("no leaf with this hash in the tree of size 8");
        assertEquals("the log gave no inclusion proof of entry 2 in the tree of size 8: no leaf with this hash in "
                + "the tree of size 8", refused(inclusion(null, 2)));
        log.proofFailure = new LogException.Unavailable("cannot read the tree: disk error", null);
        assertEquals("the log gave no consistency proof between the trees of size 2 and 8: cannot read the tree: "
                + "disk error", refused(consistency(2, null, null)));
        assertEquals("", console.out());
    }

    @Test
    public void takesOneIndexAndTheConsistencyOptionsOnlyWithConsistency() {
        ProveCommand two = inclusion(null, 3);
        two.second = 8L;
        assertEquals("ct:prove takes one index (3), not two; for a consistency proof between two tree sizes give "
                + "--consistency first: ct:prove --consistency 3 8", refused(two));
        ProveCommand root = inclusion(null, 3);
        root.firstRoot = Format.hex(log.root(3));
        assertEquals("--first-root goes with --consistency: it is the root of the older tree", refused(root));
        ProveCommand size = consistency(3, null, null);
        size.treeSize = 8L;
        assertEquals("--tree-size goes with an inclusion proof; with --consistency give the two sizes as arguments: "
                + "ct:prove --consistency FIRST SECOND", refused(size));
        assertEquals(List.of(), log.calls);
    }

    /** @return what ct:prove --consistency prints of the proof from {@code first} to {@code second} */
    private List<String> consistencyOutput(int first, int second) {
        List<byte[]> proof = ReferenceTree.proof(first, log.leafHashes(), second);
        List<String> expected = new ArrayList<>(List.of("Consistency proof from the tree of size " + first
                + " to the tree of size " + second));
        expected.add(proof.isEmpty() ? "Consistency path: empty"
                : "Consistency path (" + Format.hashes(proof.size()) + "):");
        expected.addAll(indented(proof));
        return expected;
    }

    @Test
    public void checksAConsistencyProofAgainstTheSignedTreeHeadAndPrintsTheOlderRootItImplies() throws Exception {
        List<String> expected = new ArrayList<>(consistencyOutput(3, 8));
        expected.add("the path leads to the root of the signed tree head of size 8; by it, the tree of size 3 has "
                + "root " + Format.hex(log.root(3)));
        expected.add("half verified: this shell keeps no old tree heads, so compare that root with a tree head of "
                + "size 3 you kept, or give it with --first-root");
        assertEquals(expected, run(consistency(3, null, null)));
        assertEquals(expected, run(consistency(3, 8L, null)));
        assertEquals(List.of("consistencyProof 3 8", "consistencyProof 3 8"), log.calls);
    }

    @Test
    public void verifiesAConsistencyProofInFullWithTheOlderRootGiven() throws Exception {
        for (int size = 2; size <= STORED; size++) {
            log.signedSize = size;
            for (int first = 1; first < size; first++) {
                List<String> expected = new ArrayList<>(consistencyOutput(first, size));
                expected.add("verified against the signed tree head of size " + size + " and the root given of the "
                        + "tree of size " + first + ": the older tree is a prefix of the newer");
                assertEquals(first + " to " + size, expected,
                        run(consistency(first, null, Format.hex(log.root(first)))));
            }
        }
        log.signedSize = 8;
        String base64 = Base64.getEncoder().encodeToString(log.root(4));
        List<String> lines = run(consistency(4, null, base64));
        assertEquals(List.of("Consistency proof from the tree of size 4 to the tree of size 8",
                "Consistency path (1 hash):", "  " + Format.hex(ReferenceTree.mth(log.leafHashes(), 4, 8)),
                "verified against the signed tree head of size 8 and the root given of the tree of size 4: the "
                        + "older tree is a prefix of the newer"), lines);
    }

    @Test
    public void saysWhyAProofFromAPowerOfTwoCannotBeCheckedWithoutTheOlderRoot() throws Exception {
        List<String> expected = new ArrayList<>(consistencyOutput(4, 8));
        expected.add("not verified: the tree of size 4 is a complete subtree of the tree of size 8, so the proof "
                + "leaves its root out, and this shell keeps no old tree heads; give that root with --first-root "
                + "to verify");
        assertEquals(expected, run(consistency(4, null, null)));
    }

    @Test
    public void saysAProofToAnOlderTreeIsNotVerified() throws Exception {
        List<String> expected = new ArrayList<>(consistencyOutput(3, 6));
        expected.add("not verified: this shell has only the root hash of the latest signed tree head (size 8), not "
                + "that of the tree of size 6; run ct:prove --consistency 3 without SECOND to check against the "
                + "latest");
        assertEquals(expected, run(consistency(3, 6L, Format.hex(log.root(3)))));
    }

    @Test
    public void saysTwoEqualSizesNeedNoProof() throws Exception {
        assertEquals(List.of("Consistency proof from the tree of size 8 to the tree of size 8",
                "Consistency path: empty",
                "the two trees are the same: the proof is empty, as it must be, and there is nothing to verify"),
                run(consistency(8, null, null)));
        assertEquals("verified against the signed tree head of size 8: the root given is its root",
                run(consistency(8, 8L, Format.hex(log.root(8)))).get(2));
    }

    @Test
    public void reportsATamperedConsistencyProofAsFailing() {
        log.tamper = path -> FakeLog.flipBit(path, 1);
        String half = refused(consistency(3, null, null));
        assertTrue(half, half.startsWith("NOT verified: the path leads to root "));
        assertTrue(half, half.endsWith(", but the signed tree head of size 8 has root " + Format.hex(log.root(8))
                + "; " + WRONG_PROOF));
        String full = refused(consistency(3, null, Format.hex(log.root(3))));
        assertTrue(full, full.startsWith("NOT verified: the path leads to root "));

        log.tamper = path -> path.subList(1, path.size());
        assertEquals("NOT verified: a path of 3 hashes cannot be a consistency proof between trees of size 3 and 8; "
                + WRONG_PROOF, refused(consistency(3, null, null)));

        log.tamper = path -> List.of(ReferenceTree.sha256());
        assertEquals("NOT verified: the two trees are the same, so the proof must be empty, but it has 1 hash; "
                + WRONG_PROOF, refused(consistency(8, null, null)));
    }

    @Test
    public void reportsAnOlderRootThatTheLogsHistoryContradicts() {
        byte[] otherRoot = log.root(3).clone();
        otherRoot[31] ^= 1;
        assertEquals("NOT verified: by the path, the tree of size 3 has root " + Format.hex(log.root(3)) + ", not "
                + "the root given (" + Format.hex(otherRoot) + "): either that root is of another log or size, or "
                + "the log rewrote its history since that tree head", refused(consistency(3, null,
                        Format.hex(otherRoot))));
        assertEquals("NOT verified: the root given (" + Format.hex(otherRoot) + ") is not the root of the signed "
                + "tree head of size 8 (" + Format.hex(log.root(8)) + ")", refused(consistency(8, null,
                        Format.hex(otherRoot))));
    }

    @Test
    public void refusesSizesThatHaveNoConsistencyProofWithoutAskingTheLog() {
        assertEquals("FIRST must be 1 or more, not 0: every tree extends the empty tree, there is nothing to prove",
                refused(consistency(0, null, null)));
        assertEquals("SECOND (9) is larger than the latest signed tree head (size 8)", refused(consistency(3, 9L,
                null)));
        assertEquals("FIRST (9) is larger than SECOND (8): a consistency proof goes from an older, smaller tree to "
                + "a newer one", refused(consistency(9, null, null)));
        assertEquals("--first-root 'abc' is not a SHA-256 hash: give its 64 hexadecimal digits (as ct:sth prints a "
                + "root hash) or its 44 base64 characters (as the log's get-sth returns it)",
                refused(consistency(3, null, "abc")));
        assertEquals(List.of(), log.calls);
        assertEquals("", console.out());
    }
}
