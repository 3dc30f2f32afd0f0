package network.internet2.hypermesh.proof.space.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class RootRegistryTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static Commitment commitment(String identity, int fill) {
        byte[] key = new byte[32];
        byte[] root = new byte[32];
        Arrays.fill(key, (byte) fill);
        Arrays.fill(root, (byte) (fill + 1));
        return new Commitment(identity, 1000 + fill, 64, key, root);
    }

    @Test
    public void keepsOneCommitmentPerIdentityAcrossReopening() throws Exception {
        Path directory = folder.getRoot().toPath();
        RootRegistry roots = RootRegistry.open(directory);
        assertTrue(roots.register(commitment("a.example", 1)));
        assertTrue(roots.register(commitment("b.example", 2)));
        assertFalse("the same commitment again changes nothing", roots.register(commitment("a.example", 1)));
        assertTrue("a new plot replaces the old one", roots.register(commitment("a.example", 3)));

        RootRegistry reopened = RootRegistry.open(directory);
        Commitment a = reopened.find("a.example").orElseThrow();
        assertEquals(1003, a.blockCount());
        assertArrayEquals(commitment("a.example", 3).root(), a.root());
        assertTrue(reopened.find("b.example").orElseThrow().sameAs(commitment("b.example", 2)));
        assertTrue(reopened.find("c.example").isEmpty());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                directory.resolve(RootRegistry.FILE))));
        assertFalse("no temporary file left", Files.exists(directory.resolve(RootRegistry.FILE + ".tmp")));
    }

    @Test
    public void skipsLinesItCannotReadAndKeepsTheOthers() throws Exception {
        Path directory = folder.getRoot().toPath();
        RootRegistry.open(directory).register(commitment("a.example", 1));
        Path file = directory.resolve(RootRegistry.FILE);
        Files.writeString(file, Files.readString(file) + "v1 broken.example 12 nonsense\nv9 x 1 1 00 00\n",
                StandardCharsets.UTF_8);
        RootRegistry reopened = RootRegistry.open(directory);
        assertTrue(reopened.find("a.example").isPresent());
        assertTrue(reopened.find("broken.example").isEmpty());
    }
}
