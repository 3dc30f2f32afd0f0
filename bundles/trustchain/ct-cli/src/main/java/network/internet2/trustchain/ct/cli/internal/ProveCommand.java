package network.internet2.trustchain.ct.cli.internal;

import java.security.MessageDigest;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.trustchain.ct.InclusionProof;
import network.internet2.trustchain.ct.LogException;
import network.internet2.trustchain.ct.SignedTreeHead;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * {@code ct:prove}: the inclusion proof of an entry, verified here against the
 * signed tree head; or with {@code --consistency} the consistency proof between
 * two tree sizes.
 */
@Service
@Command(scope = "ct", name = "prove",
        description = "Prints the inclusion proof (RFC 9162 2.1.3) of the entry at an index in the tree of the "
                + "latest signed tree head (or of --tree-size), one hash per line, and verifies it here against "
                + "the signed tree head's root hash. With --consistency FIRST [SECOND], prints the consistency "
                + "proof (RFC 9162 2.1.4) between two tree sizes and checks it against the latest signed tree head "
                + "as far as the roots at hand allow. Options go before the arguments, as in: "
                + "ct:prove --tree-size 8 5, or ct:prove --consistency 3 8")
public class ProveCommand implements Action {

    static final String VERIFIED = "verified against the signed tree head of size ";
    private static final String WRONG_PROOF = "the log handed out a wrong proof: report it to the log's operator";

    @Reference
    TransparencyLog log;

    @Option(name = "--tree-size", aliases = "-t", description = "Size of the tree to prove the entry in, from "
            + "index + 1 to the latest signed tree head's size (the default, and the only size whose root this "
            + "shell has to verify against); give it before the index")
    @Completion(TreeSizeCompleter.class)
    Long treeSize;

    @Option(name = "--consistency", aliases = "-c", description = "Prove that the tree of size FIRST (the first "
            + "argument) is a prefix of the tree of size SECOND (default: the latest signed tree head's size)")
    boolean consistency;

    @Option(name = "--first-root", aliases = "-r", description = "With --consistency: the root hash of the tree "
            + "of size FIRST, from a tree head you kept (64 hex digits, or base64 as get-sth returns it), so that "
            + "the proof is verified in full")
    String firstRoot;

    @Argument(index = 0, name = "index", required = true, description = "Index of the entry to prove, from 0; "
            + "with --consistency, FIRST: the size of the older tree")
    long index;

    @Argument(index = 1, name = "second", required = false, description = "Only with --consistency: SECOND, the "
            + "size of the newer tree (default: the latest signed tree head's size)")
    @Completion(TreeSizeCompleter.class)
    Long second;

    @Override
    public Object execute() throws Exception {
        if (consistency) {
            if (treeSize != null) {
                throw new CommandException("--tree-size goes with an inclusion proof; with --consistency give the "
                        + "two sizes as arguments: ct:prove --consistency FIRST SECOND");
            }
            consistency();
            return null;
        }
        if (second != null) {
            throw new CommandException("ct:prove takes one index (" + index + "), not two; for a consistency "
                    + "proof between two tree sizes give --consistency first: ct:prove --consistency " + index + " "
                    + second);
        }
        if (firstRoot != null) {
            throw new CommandException("--first-root goes with --consistency: it is the root of the older tree");
        }
        inclusion();
        return null;
    }

    private void inclusion() throws CommandException {
        if (index < 0) {
            throw new CommandException("the index must be 0 or more, not " + index + ": entries are numbered from 0");
        }
        SignedTreeHead head = log.latestTreeHead();
        long latest = head.treeSize();
        if (latest == 0) {
            throw new CommandException("the log is empty (its latest signed tree head has size 0): there is no "
                    + "entry to prove");
        }
        long size = treeSize == null ? latest : treeSize;
        if (size < 1 || size > latest) {
            throw new CommandException("--tree-size " + size + " is outside 1 to " + latest
                    + ", the size of the latest signed tree head");
        }
        if (index >= size) {
            throw new CommandException("index " + index + " is beyond the tree of size " + size + ": its entries "
                    + "are numbered 0 to " + (size - 1));
        }
        byte[] leafHash = MerkleProofs.leafHash(EntriesCommand.fetch(log, index, index).get(0).leafInput());
        InclusionProof proof;
        try {
            proof = log.inclusionProof(leafHash, size);
        } catch (LogException e) {
            throw new CommandException("the log gave no inclusion proof of entry " + index + " in the tree of size "
                    + size + ": " + e.getMessage(), e);
        }
        List<byte[]> path = proof.auditPath();
        System.out.println("Inclusion proof of entry " + index + " in the tree of size " + size);
        System.out.println("Leaf hash: " + Format.hex(leafHash));
        if (proof.leafIndex() != index) {
            System.out.println("The log proved the identical entry at index " + proof.leafIndex()
                    + " (the same leaf is logged twice); the path is that entry's");
        }
        printPath("Audit path", path, ", from the leaf upwards");
        if (proof.treeSize() != size) {
            throw new CommandException("NOT verified: the log proved the entry in a tree of size " + proof.treeSize()
                    + ", not " + size + "; " + WRONG_PROOF);
        }
        byte[] computed = MerkleProofs.inclusionRoot(proof.leafIndex(), size, leafHash, path);
        if (computed == null) {
            throw new CommandException("NOT verified: a path of " + Format.hashes(path.size()) + " cannot be one of "
                    + "entry " + proof.leafIndex() + " in a tree of size " + size + "; " + WRONG_PROOF);
        }
        if (size != latest) {
            System.out.println("not verified: this shell has only the root hash of the latest signed tree head (size "
                    + latest + "); the path leads to root " + Format.hex(computed) + ": compare it with a tree "
                    + "head of size " + size + " you kept, or run ct:prove " + index + " without --tree-size to "
                    + "verify against the latest");
            return;
        }
        byte[] signed = head.rootHash();
        if (!MessageDigest.isEqual(computed, signed)) {
            throw new CommandException("NOT verified: the path leads to root " + Format.hex(computed) + ", but the "
                    + "signed tree head of size " + size + " has root " + Format.hex(signed) + "; " + WRONG_PROOF);
        }
        System.out.println(VERIFIED + size);
    }

    private void consistency() throws CommandException {
        long first = index;
        SignedTreeHead head = log.latestTreeHead();
        long latest = head.treeSize();
        long newer = second == null ? latest : second;
        if (first < 1) {
            throw new CommandException("FIRST must be 1 or more, not " + first + ": every tree extends the empty "
                    + "tree, there is nothing to prove");
        }
        if (newer > latest) {
            throw new CommandException("SECOND (" + newer + ") is larger than the latest signed tree head (size "
                    + latest + ")");
        }
        if (first > newer) {
            throw new CommandException("FIRST (" + first + ") is larger than SECOND (" + newer + "): a consistency "
                    + "proof goes from an older, smaller tree to a newer one");
        }
        byte[] firstHash = firstRoot == null ? null : Format.hash(firstRoot, "--first-root");
        List<byte[]> path;
        try {
            path = log.consistencyProof(first, newer);
        } catch (LogException e) {
            throw new CommandException("the log gave no consistency proof between the trees of size " + first
                    + " and " + newer + ": " + e.getMessage(), e);
        }
        System.out.println("Consistency proof from the tree of size " + first + " to the tree of size " + newer);
        printPath("Consistency path", path, "");
        if (newer != latest) {
            System.out.println("not verified: this shell has only the root hash of the latest signed tree head (size "
                    + latest + "), not that of the tree of size " + newer + "; run ct:prove --consistency " + first
                    + " without SECOND to check against the latest");
            return;
        }
        byte[] signed = head.rootHash();
        if (first == newer) {
            sameTree(path, firstHash, signed, newer);
        } else if (firstHash != null) {
            fullCheck(first, newer, firstHash, signed, path);
        } else {
            halfCheck(first, newer, signed, path);
        }
    }

    private static void sameTree(List<byte[]> path, byte[] firstHash, byte[] signed, long size)
            throws CommandException {
        if (!path.isEmpty()) {
            throw new CommandException("NOT verified: the two trees are the same, so the proof must be empty, but "
                    + "it has " + Format.hashes(path.size()) + "; " + WRONG_PROOF);
        }
        if (firstHash == null) {
            System.out.println("the two trees are the same: the proof is empty, as it must be, and there is nothing "
                    + "to verify");
        } else if (MessageDigest.isEqual(firstHash, signed)) {
            System.out.println(VERIFIED + size + ": the root given is its root");
        } else {
            throw new CommandException("NOT verified: the root given (" + Format.hex(firstHash) + ") is not the "
                    + "root of the signed tree head of size " + size + " (" + Format.hex(signed) + ")");
        }
    }

    private static void fullCheck(long first, long second, byte[] firstHash, byte[] signed, List<byte[]> path)
            throws CommandException {
        if (MerkleProofs.verifyConsistency(first, second, firstHash, signed, path)) {
            System.out.println(VERIFIED + second + " and the root given of the tree of size " + first
                    + ": the older tree is a prefix of the newer");
            return;
        }
        MerkleProofs.Roots roots = MerkleProofs.consistencyRoots(first, second, firstHash, path);
        if (roots == null) {
            throw new CommandException("NOT verified: a path of " + Format.hashes(path.size()) + " cannot be a "
                    + "consistency proof between trees of size " + first + " and " + second + "; " + WRONG_PROOF);
        }
        if (!MessageDigest.isEqual(roots.second(), signed)) {
            throw new CommandException("NOT verified: the path leads to root " + Format.hex(roots.second())
                    + ", but the signed tree head of size " + second + " has root " + Format.hex(signed)
                    + " (a wrong proof, or a wrong --first-root)");
        }
        throw new CommandException("NOT verified: by the path, the tree of size " + first + " has root "
                + Format.hex(roots.first()) + ", not the root given (" + Format.hex(firstHash) + "): either that "
                + "root is of another log or size, or the log rewrote its history since that tree head");
    }

    private static void halfCheck(long first, long second, byte[] signed, List<byte[]> path)
            throws CommandException {
        if (Long.bitCount(first) == 1) {
            System.out.println("not verified: the tree of size " + first + " is a complete subtree of the tree of "
                    + "size " + second + ", so the proof leaves its root out, and this shell keeps no old tree "
                    + "heads; give that root with --first-root to verify");
            return;
        }
        MerkleProofs.Roots roots = MerkleProofs.consistencyRoots(first, second, null, path);
        if (roots == null) {
            throw new CommandException("NOT verified: a path of " + Format.hashes(path.size()) + " cannot be a "
                    + "consistency proof between trees of size " + first + " and " + second + "; " + WRONG_PROOF);
        }
        if (!MessageDigest.isEqual(roots.second(), signed)) {
            throw new CommandException("NOT verified: the path leads to root " + Format.hex(roots.second())
                    + ", but the signed tree head of size " + second + " has root " + Format.hex(signed) + "; "
                    + WRONG_PROOF);
        }
        System.out.println("the path leads to the root of the signed tree head of size " + second + "; by it, the "
                + "tree of size " + first + " has root " + Format.hex(roots.first()));
        System.out.println("half verified: this shell keeps no old tree heads, so compare that root with a tree head "
                + "of size " + first + " you kept, or give it with --first-root");
    }

    private static void printPath(String what, List<byte[]> path, String order) {
        if (path.isEmpty()) {
            System.out.println(what + ": empty");
            return;
        }
        System.out.println(what + " (" + Format.hashes(path.size()) + order + "):");
        path.forEach(hash -> System.out.println("  " + Format.hex(hash)));
    }
}
