package network.internet2.hypermesh.proof.time.internal;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import network.internet2.hypermesh.proof.ProofException;

/**
 * The time chains this engine keeps, one per node identity it proved for,
 * each in its own file {@code <hex SHA-256 of the identity>.chain} in the
 * storage directory: magic {@code I2TC}, format 1, the identity (length-prefixed
 * UTF-8), the number of proofs, the number of heads and the heads, oldest first.
 * A chain reaches the disk before the engine hands out the proof that advanced
 * it, so a restarted engine continues where the last proof left off.
 */
final class TimeChains {

    static final String SUFFIX = ".chain";
    static final int MAX_IDENTITY_BYTES = 1024;
    private static final byte[] MAGIC = "I2TC".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int MAX_FILE_BYTES = 256 * 1024;

    private final Path directory;
    private final int history;
    private final int maxChains;
    private final SecureRandom random;
    private final ConcurrentMap<String, TimeChain> chains = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ReentrantLock> provers = new ConcurrentHashMap<>();

    private TimeChains(Path directory, int history, int maxChains, SecureRandom random) {
        this.directory = directory;
        this.history = history;
        this.maxChains = maxChains;
        this.random = random;
    }

    /**
     * Loads every chain file in {@code directory}.
     *
     * @throws IOException naming a file that cannot be read as a chain
     */
    static TimeChains open(Path directory, int history, int maxChains, SecureRandom random) throws IOException {
        TimeChains loaded = new TimeChains(directory, history, maxChains, random);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                TimeChain chain = read(file).trimmed(history);
                if (!file.getFileName().toString().equals(fileName(chain.nodeIdentity()))) {
                    throw new IOException(file + " holds the time chain of " + chain.nodeIdentity() + ", whose file "
                            + "is " + fileName(chain.nodeIdentity()) + ": rename it or delete it");
                }
                loaded.chains.put(chain.nodeIdentity(), chain);
            }
        }
        return loaded;
    }

    /** @return the chain of {@code nodeIdentity}, or {@code null} if this engine has none */
    TimeChain get(String nodeIdentity) {
        return nodeIdentity == null ? null : chains.get(nodeIdentity);
    }

    /** @return how many chains are kept */
    int size() {
        return chains.size();
    }

    /**
     * @return the lock a prover for {@code nodeIdentity} holds, so that its proofs form one chain
     * @throws ProofException if the identity is unusable or a new chain would exceed max.chains
     */
    ReentrantLock proverLock(String nodeIdentity) throws ProofException {
        checkIdentity(nodeIdentity);
        if (!chains.containsKey(nodeIdentity) && chains.size() >= maxChains) {
            throw new ProofException("this time engine already keeps chains for " + chains.size()
                    + " node identities (max.chains): raise max.chains if this node really proves as "
                    + nodeIdentity + " too");
        }
        return provers.computeIfAbsent(nodeIdentity, identity -> new ReentrantLock());
    }

    /**
     * The chain to prove on, started with a random genesis head (and saved) if
     * this is the identity's first proof. Call with the identity's prover lock held.
     */
    synchronized TimeChain forProving(String nodeIdentity) throws ProofException, IOException {
        TimeChain chain = chains.get(nodeIdentity);
        if (chain != null) {
            return chain;
        }
        if (chains.size() >= maxChains) {
            throw new ProofException("this time engine already keeps chains for " + chains.size()
                    + " node identities (max.chains)");
        }
        byte[] genesis = new byte[TimeProof.HEAD_BYTES];
        random.nextBytes(genesis);
        chain = TimeChain.start(nodeIdentity, genesis);
        write(chain);
        chains.put(nodeIdentity, chain);
        return chain;
    }

    /** Moves the chain on by one head, on disk first. Call with the identity's prover lock held. */
    TimeChain advance(TimeChain chain, byte[] next) throws IOException {
        TimeChain advanced = chain.advance(next, history);
        write(advanced);
        chains.put(advanced.nodeIdentity(), advanced);
        return advanced;
    }

    private static void checkIdentity(String nodeIdentity) throws ProofException {
        if (nodeIdentity == null || nodeIdentity.isBlank()) {
            throw new ProofException("cannot prove time without the node identity in the challenge");
        }
        if (nodeIdentity.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTITY_BYTES) {
            throw new ProofException("node identity longer than " + MAX_IDENTITY_BYTES + " bytes");
        }
    }

    static String fileName(String nodeIdentity) {
        byte[] digest = Hashing.sha256().digest(nodeIdentity.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest) + SUFFIX;
    }

    private void write(TimeChain chain) throws IOException {
        SecureFiles.write(directory.resolve(fileName(chain.nodeIdentity())), encode(chain));
    }

    static byte[] encode(TimeChain chain) {
        byte[] identity = chain.nodeIdentity().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(MAGIC.length + 1 + 2 + identity.length + 8 + 2
                + chain.heads().size() * TimeProof.HEAD_BYTES);
        buffer.put(MAGIC).put((byte) FORMAT).putShort((short) identity.length).put(identity)
                .putLong(chain.proofs()).putShort((short) chain.heads().size());
        chain.heads().forEach(buffer::put);
        return buffer.array();
    }

    static TimeChain read(Path file) throws IOException {
        try {
            return decode(SecureFiles.read(file, MAX_FILE_BYTES));
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            throw new IOException(file + " is not a readable time chain (" + e.getMessage() + "): restore it from "
                    + "a backup, or delete it to start a new chain (proofs in flight are then refused)", e);
        }
    }

    static TimeChain decode(byte[] content) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        byte[] magic = new byte[MAGIC.length];
        buffer.get(magic);
        if (!Arrays.equals(magic, MAGIC) || Byte.toUnsignedInt(buffer.get()) != FORMAT) {
            throw new IllegalArgumentException("wrong magic or format");
        }
        byte[] identity = new byte[Short.toUnsignedInt(buffer.getShort())];
        buffer.get(identity);
        long proofs = buffer.getLong();
        int count = Short.toUnsignedInt(buffer.getShort());
        List<byte[]> heads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] head = new byte[TimeProof.HEAD_BYTES];
            buffer.get(head);
            heads.add(head);
        }
        if (buffer.hasRemaining() || proofs < 0 || identity.length == 0) {
            throw new IllegalArgumentException("inconsistent content");
        }
        return new TimeChain(new String(identity, StandardCharsets.UTF_8), proofs, heads);
    }
}
