package network.internet2.hypermesh.proof.time.internal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node identity's time chain as this engine knows it: the last heads,
 * oldest first, the newest being the one the next proof follows. Each proof
 * moves the head to SHA-256(chain tag, previous head, y), so a head commits to
 * every output before it. Immutable: advancing returns a new chain.
 *
 * @param nodeIdentity the node whose proofs these are
 * @param proofs       how many proofs the chain has had
 * @param heads        the last heads, oldest first, each 32 bytes; never empty
 */
record TimeChain(String nodeIdentity, long proofs, List<byte[]> heads) {

    TimeChain {
        if (heads.isEmpty()) {
            throw new IllegalArgumentException("a time chain has at least its genesis head");
        }
        List<byte[]> copies = new ArrayList<>(heads.size());
        for (byte[] head : heads) {
            if (head.length != TimeProof.HEAD_BYTES) {
                throw new IllegalArgumentException("a chain head is " + TimeProof.HEAD_BYTES + " bytes, not "
                        + head.length);
            }
            copies.add(head.clone());
        }
        heads = Collections.unmodifiableList(copies);
    }

    /** A new chain starting at {@code genesis}. */
    static TimeChain start(String nodeIdentity, byte[] genesis) {
        return new TimeChain(nodeIdentity, 0, List.of(genesis));
    }

    /** @return the head the next proof follows */
    byte[] head() {
        return heads.get(heads.size() - 1).clone();
    }

    /** @return whether {@code previous} is one of the heads kept */
    boolean follows(byte[] previous) {
        for (byte[] head : heads) {
            if (MessageDigest.isEqual(head, previous)) {
                return true;
            }
        }
        return false;
    }

    /** @return the chain after one more proof, keeping at most {@code history} heads */
    TimeChain advance(byte[] next, int history) {
        List<byte[]> kept = new ArrayList<>(heads);
        kept.add(next);
        return new TimeChain(nodeIdentity, proofs + 1, kept.subList(Math.max(0, kept.size() - history), kept.size()));
    }

    /** @return this chain keeping at most {@code history} heads */
    TimeChain trimmed(int history) {
        return heads.size() <= history ? this
                : new TimeChain(nodeIdentity, proofs, heads.subList(heads.size() - history, heads.size()));
    }

    /** @return the head that follows {@code previous} once {@code y} is proved */
    static byte[] nextHead(byte[] previous, byte[] yEncoded) {
        MessageDigest sha256 = Hashing.sha256();
        sha256.update(Hashing.CHAIN_TAG);
        sha256.update(previous);
        sha256.update(yEncoded);
        return sha256.digest();
    }
}
