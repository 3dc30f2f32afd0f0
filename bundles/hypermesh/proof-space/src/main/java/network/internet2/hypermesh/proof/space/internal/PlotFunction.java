package network.internet2.hypermesh.proof.space.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a plot's blocks hold: block {@code i} of node {@code identity} is
 *
 * <pre>
 *   s_0     = HMAC-SHA256(plotKey, "internet2/proof-space/block/v1" || 0x00 || identity || 0x00 || i)
 *   s_j+1   = SHA-256(s_j)                                  for j &lt; workFactor
 *   block   = SHA-256(s_w || 0) || SHA-256(s_w || 1) || ... || SHA-256(s_w || 127)   (4096 bytes)
 * </pre>
 *
 * with {@code i} as 8 bytes and the counters as 4 bytes, big-endian. The
 * {@code workFactor} chained hashes are what make a block costly to make
 * again, so a prover that threw blocks away pays for each one it needs; the
 * expansion fills the block so no part of it is cheaper than the rest.
 *
 * <p>{@code plotKey} is {@code HMAC-SHA256(seed, "internet2/proof-space/plot-key/v1" || 0x00 || identity)},
 * from the node's secret 32-byte plot seed. The plot key is registered with
 * the root, so verifiers can recompute the challenged blocks: a Merkle root
 * alone would let a prover commit to blocks it can make for free (all zeros)
 * and keep nothing. The seed itself never leaves the node.
 *
 * <p>A {@link Generator} is not thread-safe; use one per thread.
 */
final class PlotFunction {

    /** Bytes per plot block: the storage asset's block size. */
    static final int BLOCK_SIZE = 4096;

    private static final String HMAC = "HmacSHA256";
    private static final byte[] KEY_TAG = "internet2/proof-space/plot-key/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BLOCK_TAG = "internet2/proof-space/block/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH = MerkleTree.HASH;
    private static final int PIECES = BLOCK_SIZE / HASH;

    private final byte[] plotKey;
    private final byte[] prefix;
    private final int workFactor;

    /**
     * @param plotKey    the plot key (32 bytes)
     * @param identity   the node identity the plot belongs to
     * @param workFactor chained hashes per block, at least 1
     */
    PlotFunction(byte[] plotKey, String identity, int workFactor) {
        if (plotKey == null || plotKey.length != HASH) {
            throw new IllegalArgumentException("a plot key is " + HASH + " bytes");
        }
        if (workFactor < 1) {
            throw new IllegalArgumentException("the work factor must be at least 1, got " + workFactor);
        }
        this.plotKey = plotKey.clone();
        this.workFactor = workFactor;
        byte[] id = identity.getBytes(StandardCharsets.UTF_8);
        this.prefix = ByteBuffer.allocate(BLOCK_TAG.length + 1 + id.length + 1).put(BLOCK_TAG).put((byte) 0).put(id)
                .put((byte) 0).array();
    }

    /** @return the plot key of {@code identity} under {@code seed} */
    static byte[] plotKey(byte[] seed, String identity) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(seed, HMAC));
            mac.update(KEY_TAG);
            mac.update((byte) 0);
            mac.update(identity.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable: " + unavailable, unavailable);
        }
    }

    /** @return the chained hashes per block */
    int workFactor() {
        return workFactor;
    }

    /** @return a generator for one thread */
    Generator generator() {
        return new Generator();
    }

    /** Makes blocks; one per thread. */
    final class Generator {

        private final Mac mac;
        private final MessageDigest digest = MerkleTree.sha256();
        private final byte[] state = new byte[HASH];
        private final byte[] number = new byte[8];

        private Generator() {
            try {
                mac = Mac.getInstance(HMAC);
                mac.init(new SecretKeySpec(plotKey, HMAC));
            } catch (GeneralSecurityException unavailable) {
                throw new IllegalStateException("HMAC-SHA256 is unavailable: " + unavailable, unavailable);
            }
        }

        /** Writes block {@code index} to {@code out} at {@code offset}. */
        void block(long index, byte[] out, int offset) {
            try {
                mac.update(prefix);
                ByteBuffer.wrap(number).putLong(index);
                mac.update(number);
                mac.doFinal(state, 0);
                for (int j = 0; j < workFactor; j++) {
                    digest.update(state);
                    digest.digest(state, 0, HASH);
                }
                for (int piece = 0; piece < PIECES; piece++) {
                    digest.update(state);
                    digest.update((byte) (piece >>> 24));
                    digest.update((byte) (piece >>> 16));
                    digest.update((byte) (piece >>> 8));
                    digest.update((byte) piece);
                    digest.digest(out, offset + piece * HASH, HASH);
                }
            } catch (GeneralSecurityException | RuntimeException failed) {
                mac.reset();
                digest.reset();
                if (failed instanceof IllegalArgumentException) {
                    throw (IllegalArgumentException) failed;
                }
                throw new IllegalStateException("cannot make block " + index + ": " + failed, failed);
            }
        }

        /** @return block {@code index} */
        byte[] block(long index) {
            byte[] out = new byte[BLOCK_SIZE];
            block(index, out, 0);
            return out;
        }
    }
}
