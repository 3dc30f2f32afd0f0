package network.internet2.hypermesh.proof.time.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.hypermesh.proof.ProofException;

public class TimeChainsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static byte[] head(int b) {
        byte[] head = new byte[32];
        head[0] = (byte) b;
        return head;
    }

    @Test
    public void advancingKeepsTheLastHeadsOnly() {
        TimeChain chain = TimeChain.start("node", head(0));
        for (int i = 1; i <= 5; i++) {
            chain = chain.advance(head(i), 3);
        }
        assertEquals(5, chain.proofs());
        assertEquals(3, chain.heads().size());
        assertArrayEquals(head(5), chain.head());
        assertTrue(chain.follows(head(3)));
        assertFalse(chain.follows(head(2)));
    }

    @Test
    public void chainsSurviveReopeningTrimmedToTheHistory() throws IOException, ProofException {
        Path directory = folder.getRoot().toPath();
        TimeChains chains = TimeChains.open(directory, 10, 4, new SecureRandom());
        TimeChain chain = chains.forProving("node-a");
        for (int i = 1; i <= 6; i++) {
            chain = chains.advance(chain, head(i));
        }
        TimeChains reopened = TimeChains.open(directory, 4, 4, new SecureRandom());
        TimeChain loaded = reopened.get("node-a");
        assertEquals(6, loaded.proofs());
        assertEquals(4, loaded.heads().size());
        assertArrayEquals(head(6), loaded.head());
        assertNull(reopened.get("node-b"));
        assertNull(reopened.get(null));
    }

    @Test
    public void chainFilesAreOwnerOnly() throws IOException, ProofException {
        Path directory = folder.getRoot().toPath();
        TimeChains.open(directory, 10, 4, new SecureRandom()).forProving("node-a");
        Path file = directory.resolve(TimeChains.fileName("node-a"));
        assertEquals(SecureFiles.OWNER_FILE, Files.getPosixFilePermissions(file));
        try (var listing = Files.list(directory)) {
            assertEquals("no temporary files left", List.of(file), listing.toList());
        }
    }

    @Test
    public void genesisHeadsAreRandom() throws IOException, ProofException {
        TimeChains chains = TimeChains.open(folder.getRoot().toPath(), 10, 4, new SecureRandom());
        assertFalse(java.util.Arrays.equals(chains.forProving("a").head(), chains.forProving("b").head()));
    }

    @Test
    public void refusesMoreIdentitiesThanMaxChains() throws IOException, ProofException {
        TimeChains chains = TimeChains.open(folder.getRoot().toPath(), 10, 1, new SecureRandom());
        chains.proverLock("a");
        chains.forProving("a");
        ProofException e = assertThrows(ProofException.class, () -> chains.proverLock("b"));
        assertTrue(e.getMessage(), e.getMessage().contains("max.chains"));
        assertThrows(ProofException.class, () -> chains.proverLock(" "));
        assertThrows(ProofException.class, () -> chains.proverLock(null));
        assertThrows(ProofException.class, () -> chains.proverLock("x".repeat(1025)));
    }

    @Test
    public void aCorruptChainFileStopsTheEngineWithItsName() throws IOException, ProofException {
        Path directory = folder.getRoot().toPath();
        TimeChains.open(directory, 10, 4, new SecureRandom()).forProving("node-a");
        Path file = directory.resolve(TimeChains.fileName("node-a"));
        byte[] content = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(content, content.length - 1));
        IOException e = assertThrows(IOException.class, () -> TimeChains.open(directory, 10, 4, new SecureRandom()));
        assertTrue(e.getMessage(), e.getMessage().contains(file.toString()));
        assertTrue(e.getMessage(), e.getMessage().contains("delete it to start a new chain"));
    }

    @Test
    public void aChainFileUnderAnotherNameIsRefused() throws IOException, ProofException {
        Path directory = folder.getRoot().toPath();
        TimeChains.open(directory, 10, 4, new SecureRandom()).forProving("node-a");
        Files.move(directory.resolve(TimeChains.fileName("node-a")), directory.resolve("elsewhere.chain"));
        IOException e = assertThrows(IOException.class, () -> TimeChains.open(directory, 10, 4, new SecureRandom()));
        assertTrue(e.getMessage(), e.getMessage().contains("holds the time chain of node-a"));
    }
}
