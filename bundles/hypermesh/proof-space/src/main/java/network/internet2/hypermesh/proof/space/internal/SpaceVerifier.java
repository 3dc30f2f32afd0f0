package network.internet2.hypermesh.proof.space.internal;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.Verdict;

/**
 * Checks a proof of space against the commitment registered for the
 * challenge's node identity, without the plot:
 * <ol>
 * <li>the encoding is well formed, to the byte ({@link SpaceProof#decode});</li>
 * <li>it is for the registered plot: same block count and root;</li>
 * <li>it answers exactly {@code challenges} blocks, and answer {@code k} is for
 * the block the challenge value picks ({@link SpaceProof#indices}), so a proof
 * for another challenge fails;</li>
 * <li>each block's Merkle path has the length its index needs and leads to the
 * registered root;</li>
 * <li>each block is the plot's data: recomputed from the registered plot key
 * and work factor, it must be equal. That is what stops a prover from
 * committing to blocks it can make for free.</li>
 * </ol>
 * Cost: per answer one leaf hash, about log2(blocks) node hashes, and
 * {@code workFactor + 128} hashes to recompute the block.
 */
final class SpaceVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final RootRegistry roots;
    private final int challenges;

    SpaceVerifier(RootRegistry roots, int challenges) {
        this.roots = roots;
        this.challenges = challenges;
    }

    /**
     * Verifies against the commitment registered for the challenge's node identity.
     * Never throws: whatever is wrong is a refusal with the reason.
     */
    Verdict verify(Challenge challenge, Proof proof) {
        try {
            Verdict malformed = precheck(challenge, proof);
            if (malformed != null) {
                return malformed;
            }
            Optional<Commitment> registered = roots.find(challenge.nodeIdentity());
            if (registered.isEmpty()) {
                return Verdict.refused("no plot registered for " + challenge.nodeIdentity());
            }
            return check(registered.get(), challenge, proof);
        } catch (RuntimeException unexpected) {
            return Verdict.refused("cannot verify the space proof: " + unexpected);
        }
    }

    /** Verifies against {@code commitment}, for a plot's own check. Never throws. */
    Verdict verify(Commitment commitment, Challenge challenge, Proof proof) {
        try {
            Verdict malformed = precheck(challenge, proof);
            if (malformed != null) {
                return malformed;
            }
            if (!commitment.identity().equals(challenge.nodeIdentity())) {
                return Verdict.refused("the plot is of " + commitment.identity() + ", the challenge of "
                        + challenge.nodeIdentity());
            }
            return check(commitment, challenge, proof);
        } catch (RuntimeException unexpected) {
            return Verdict.refused("cannot verify the space proof: " + unexpected);
        }
    }

    private static Verdict precheck(Challenge challenge, Proof proof) {
        if (challenge == null || challenge.nodeIdentity() == null) {
            return Verdict.refused("no challenge (or one without node identity) to verify against");
        }
        if (proof == null) {
            return Verdict.refused("no space proof");
        }
        if (!ProofEngine.SPACE.equals(proof.type())) {
            return Verdict.refused("not a space proof: its type is " + proof.type());
        }
        return null;
    }

    private Verdict check(Commitment commitment, Challenge challenge, Proof proof) {
        String identity = commitment.identity();
        SpaceProof decoded;
        try {
            decoded = SpaceProof.decode(proof.encoded());
        } catch (SpaceProof.MalformedProofException malformed) {
            return Verdict.refused("malformed space proof: " + malformed.getMessage());
        }
        long n = commitment.blockCount();
        if (decoded.blockCount() != n) {
            return Verdict.refused("the space proof is for a plot of " + decoded.blockCount()
                    + " blocks; the plot registered for " + identity + " has " + n);
        }
        byte[] root = commitment.root();
        if (!Arrays.equals(decoded.root(), root)) {
            return Verdict.refused("the space proof is for root " + decoded.rootHex() + "; the plot registered for "
                    + identity + " has root " + commitment.rootHex());
        }
        List<SpaceProof.Answer> answers = decoded.answers();
        if (answers.size() != challenges) {
            return Verdict.refused("the space proof answers " + answers.size() + " challenges; " + challenges
                    + " are required");
        }
        long[] indices = SpaceProof.indices(challenge.value(), n, challenges);
        MessageDigest digest = MerkleTree.sha256();
        for (int k = 0; k < answers.size(); k++) {
            SpaceProof.Answer answer = answers.get(k);
            if (answer.index() != indices[k]) {
                return Verdict.refused("answer " + k + " is for block " + Long.toUnsignedString(answer.index())
                        + " but the challenge asks for block " + indices[k]
                        + " (a proof for another challenge, or a tampered index)");
            }
            List<byte[]> path = answer.path();
            int needed = MerkleTree.pathLength(answer.index(), n);
            if (path.size() != needed) {
                return Verdict.refused("the Merkle path of block " + answer.index() + " has " + path.size()
                        + " hashes; in a plot of " + n + " blocks it has " + needed);
            }
            byte[] reached = MerkleTree.rootFromPath(digest, MerkleTree.leafHash(digest, answer.block()),
                    answer.index(), n, path);
            if (!Arrays.equals(reached, root)) {
                return Verdict.refused("block " + answer.index() + " and its Merkle path lead to "
                        + (reached == null ? "nothing" : HEX.formatHex(reached)) + ", not to the root registered for "
                        + identity);
            }
        }
        PlotFunction.Generator generator = new PlotFunction(commitment.plotKey(), identity, commitment.workFactor())
                .generator();
        for (SpaceProof.Answer answer : answers) {
            if (!Arrays.equals(answer.block(), generator.block(answer.index()))) {
                return Verdict.refused("block " + answer.index() + " is not the plot data of " + identity);
            }
        }
        return Verdict.ok();
    }
}
