package network.internet2.hypermesh.proof.space.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A proof of space and its encoding (version 1), every length exact:
 *
 * <pre>
 *   u8     version            1
 *   u64    blockCount         blocks of the plot proved from
 *   32     root               the plot's Merkle root
 *   u16    count              how many challenged blocks follow (at least 1)
 *   count times:
 *     u64  index              the challenged block
 *     4096 block              its content
 *     u8   pathLength         hashes in its Merkle path (at most 64)
 *     32 * pathLength         the path, from the leaf up
 * </pre>
 *
 * big-endian, nothing after the last entry. Which blocks are challenged
 * follows from the challenge value alone ({@link #indices}).
 *
 * @param blockCount blocks of the plot
 * @param root       the plot's Merkle root
 * @param answers    one per challenged block, in challenge order
 */
record SpaceProof(long blockCount, byte[] root, List<Answer> answers) {

    /** The encoding version this engine writes and reads. */
    static final int VERSION = 1;
    /** The most answers an encoding can carry. */
    static final int MAX_ANSWERS = 0xFFFF;

    private static final int HASH = MerkleTree.HASH;
    private static final int HEADER = 1 + 8 + HASH + 2;
    private static final byte[] CHALLENGE_TAG = "internet2/proof-space/challenge/v1"
            .getBytes(StandardCharsets.US_ASCII);

    SpaceProof {
        root = root.clone();
        answers = List.copyOf(answers);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /**
     * One challenged block with its Merkle path.
     *
     * @param index the block's index
     * @param block its {@value PlotFunction#BLOCK_SIZE} bytes
     * @param path  its siblings from the bottom up
     */
    record Answer(long index, byte[] block, List<byte[]> path) {

        Answer {
            block = block.clone();
            path = path.stream().map(byte[]::clone).toList();
        }

        @Override
        public byte[] block() {
            return block.clone();
        }

        @Override
        public List<byte[]> path() {
            return path.stream().map(byte[]::clone).toList();
        }
    }

    /**
     * The blocks a challenge value asks for: answer {@code k} is for block
     * {@code SHA-256("internet2/proof-space/challenge/v1" || 0x00 || len(value) || value || k) mod blockCount},
     * reading the hash's first 8 bytes as an unsigned number, with
     * {@code len} and {@code k} as 4 bytes.
     */
    static long[] indices(byte[] value, long blockCount, int count) {
        if (blockCount < 1) {
            throw new IllegalArgumentException("a plot has at least one block, not " + blockCount);
        }
        MessageDigest digest = MerkleTree.sha256();
        long[] indices = new long[count];
        byte[] length = ByteBuffer.allocate(4).putInt(value.length).array();
        for (int k = 0; k < count; k++) {
            digest.update(CHALLENGE_TAG);
            digest.update((byte) 0);
            digest.update(length);
            digest.update(value);
            digest.update(ByteBuffer.allocate(4).putInt(k).array());
            long number = ByteBuffer.wrap(digest.digest()).getLong();
            indices[k] = Long.remainderUnsigned(number, blockCount);
        }
        return indices;
    }

    /** @return the canonical encoding */
    byte[] encode() {
        if (answers.isEmpty() || answers.size() > MAX_ANSWERS) {
            throw new IllegalStateException("a space proof has 1 to " + MAX_ANSWERS + " answers, not "
                    + answers.size());
        }
        long length = HEADER;
        for (Answer answer : answers) {
            length += 8 + PlotFunction.BLOCK_SIZE + 1 + (long) answer.path.size() * HASH;
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(length));
        out.put((byte) VERSION).putLong(blockCount).put(root).putShort((short) answers.size());
        for (Answer answer : answers) {
            if (answer.block.length != PlotFunction.BLOCK_SIZE || answer.path.size() > MerkleTree.MAX_PATH) {
                throw new IllegalStateException("answer for block " + answer.index + " is malformed");
            }
            out.putLong(answer.index).put(answer.block).put((byte) answer.path.size());
            for (byte[] hash : answer.path) {
                out.put(hash);
            }
        }
        return out.array();
    }

    /**
     * Reads an encoding.
     *
     * @throws MalformedProofException naming what is wrong and where
     */
    static SpaceProof decode(byte[] encoded) throws MalformedProofException {
        if (encoded == null || encoded.length == 0) {
            throw new MalformedProofException("the space proof is empty");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded);
        int version = in.get() & 0xFF;
        if (version != VERSION) {
            throw new MalformedProofException("the space proof has version " + version + "; this node reads version "
                    + VERSION);
        }
        if (encoded.length < HEADER) {
            throw new MalformedProofException("the space proof is truncated: " + encoded.length
                    + " bytes, shorter than its " + HEADER + "-byte header");
        }
        long blockCount = in.getLong();
        if (blockCount < 1) {
            throw new MalformedProofException("the space proof claims a plot of " + Long.toUnsignedString(blockCount)
                    + " blocks");
        }
        byte[] root = new byte[HASH];
        in.get(root);
        int count = in.getShort() & 0xFFFF;
        if (count == 0) {
            throw new MalformedProofException("the space proof answers no challenge");
        }
        List<Answer> answers = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            need(in, 8 + PlotFunction.BLOCK_SIZE + 1, "answer " + k);
            long index = in.getLong();
            byte[] block = new byte[PlotFunction.BLOCK_SIZE];
            in.get(block);
            int pathLength = in.get() & 0xFF;
            if (pathLength > MerkleTree.MAX_PATH) {
                throw new MalformedProofException("answer " + k + " has a Merkle path of " + pathLength
                        + " hashes; no plot needs more than " + MerkleTree.MAX_PATH);
            }
            need(in, pathLength * HASH, "the Merkle path of answer " + k);
            List<byte[]> path = new ArrayList<>(pathLength);
            for (int p = 0; p < pathLength; p++) {
                byte[] hash = new byte[HASH];
                in.get(hash);
                path.add(hash);
            }
            answers.add(new Answer(index, block, path));
        }
        if (in.hasRemaining()) {
            throw new MalformedProofException("the space proof has " + in.remaining()
                    + " bytes after its last answer");
        }
        return new SpaceProof(blockCount, root, answers);
    }

    private static void need(ByteBuffer in, int bytes, String what) throws MalformedProofException {
        if (in.remaining() < bytes) {
            throw new MalformedProofException("the space proof is truncated in " + what + ": " + bytes
                    + " bytes needed at offset " + in.position() + ", " + in.remaining() + " left");
        }
    }

    /** @return the root in hex */
    String rootHex() {
        return HexFormat.of().formatHex(root);
    }

    /** The encoding of a space proof is not well formed. */
    static final class MalformedProofException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedProofException(String message) {
            super(message);
        }
    }
}
