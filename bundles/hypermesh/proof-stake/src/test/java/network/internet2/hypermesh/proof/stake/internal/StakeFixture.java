package network.internet2.hypermesh.proof.stake.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.classical.internal.ClassicalCryptoSuite;
import network.internet2.trustchain.crypto.pq.internal.PostQuantumCryptoSuite;

/** The real crypto suites and helpers to start engines over a folder, as DS would. */
final class StakeFixture {

    static final CryptoSuite CLASSICAL = new ClassicalCryptoSuite();
    static final CryptoSuite POST_QUANTUM = new PostQuantumCryptoSuite();
    static final String NODE1 = "node1.internet2.network";
    static final String NODE2 = "node2.internet2.network";

    private StakeFixture() {
    }

    /** Constructs, binds both suites, activates. */
    static StakeProofComponent start(Path folder, String algorithm, long minimum, long lag) throws IOException {
        return start(folder, algorithm, minimum, lag, CLASSICAL, POST_QUANTUM);
    }

    static StakeProofComponent start(Path folder) throws IOException {
        return start(folder, Algorithms.ECDSA_P256, 1000, 100);
    }

    static StakeProofComponent start(Path folder, String algorithm, long minimum, long lag, CryptoSuite... suites)
            throws IOException {
        StakeProofComponent engine = new StakeProofComponent(new StakeSettings(folder, algorithm, minimum, lag));
        for (CryptoSuite suite : suites) {
            engine.addSuite(suite);
        }
        engine.activate();
        return engine;
    }

    /** A challenge as the consensus service derives one: a hash over the operation, the node and a nonce. */
    static Challenge challenge(String node, String operation) {
        byte[] operationHash = sha256(operation.getBytes(StandardCharsets.UTF_8));
        byte[] nonce = sha256(("nonce of " + operation).getBytes(StandardCharsets.UTF_8));
        byte[] value = sha256(concat(operationHash, node.getBytes(StandardCharsets.UTF_8), nonce));
        return new Challenge(operationHash, node, nonce, value);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static Path journal(Path folder) {
        return folder.resolve(Ledger.FILE_NAME);
    }

    static List<String> lines(Path folder) throws IOException {
        return new ArrayList<>(Files.readAllLines(journal(folder), StandardCharsets.UTF_8));
    }

    /** Rewrites the journal with {@code lines}, each with a correct checksum over its (possibly edited) payload. */
    static void writeWithFreshChecksums(Path folder, List<String> payloads) throws IOException {
        StringBuilder content = new StringBuilder();
        for (String payload : payloads) {
            content.append(LedgerJournal.crc(payload)).append(' ').append(payload).append('\n');
        }
        Files.writeString(journal(folder), content.toString(), StandardCharsets.UTF_8);
    }

    /** @return the payloads of the journal's lines, checksums stripped */
    static List<String> payloads(Path folder) throws IOException {
        List<String> payloads = new ArrayList<>();
        for (String line : lines(folder)) {
            payloads.add(line.substring(9));
        }
        return payloads;
    }
}
