package network.internet2.hypermesh.proof.time.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.classical.internal.ClassicalCryptoSuite;

public class TimeKeyTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final CryptoSuite suite = new ClassicalCryptoSuite();

    @Test
    public void isGeneratedOnceStoredOwnerOnlyAndReloaded() throws Exception {
        Path directory = folder.getRoot().toPath();
        TimeKey created = TimeKey.loadOrCreate(directory, suite);
        for (String file : new String[] {TimeKey.PRIVATE_FILE, TimeKey.PUBLIC_FILE}) {
            assertEquals(file, SecureFiles.OWNER_FILE, Files.getPosixFilePermissions(directory.resolve(file)));
        }
        TimeKey reloaded = TimeKey.loadOrCreate(directory, suite);
        assertArrayEquals(created.publicKey().getEncoded(), reloaded.publicKey().getEncoded());
        byte[] data = {1, 2, 3};
        assertTrue(reloaded.verify(data, created.sign(data)));
        assertTrue(created.verify(data, reloaded.sign(data)));
        assertEquals("EC", created.publicKey().getAlgorithm());
    }

    @Test
    public void refusesAnIncompleteKey() throws Exception {
        Path directory = folder.getRoot().toPath();
        TimeKey.loadOrCreate(directory, suite);
        Files.delete(directory.resolve(TimeKey.PUBLIC_FILE));
        IOException e = assertThrows(IOException.class, () -> TimeKey.loadOrCreate(directory, suite));
        assertTrue(e.getMessage(), e.getMessage().contains("incomplete (time-key.spki is missing)"));
    }

    @Test
    public void refusesFilesOfTwoDifferentKeys() throws Exception {
        Path first = folder.newFolder("first").toPath();
        Path second = folder.newFolder("second").toPath();
        TimeKey.loadOrCreate(first, suite);
        TimeKey.loadOrCreate(second, suite);
        Files.copy(second.resolve(TimeKey.PUBLIC_FILE), first.resolve(TimeKey.PUBLIC_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IOException e = assertThrows(IOException.class, () -> TimeKey.loadOrCreate(first, suite));
        assertTrue(e.getMessage(), e.getMessage().contains("do not belong together"));
    }

    @Test
    public void refusesAnUnreadableKey() throws Exception {
        Path directory = folder.getRoot().toPath();
        TimeKey.loadOrCreate(directory, suite);
        Files.write(directory.resolve(TimeKey.PRIVATE_FILE), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> TimeKey.loadOrCreate(directory, suite));
        assertTrue(e.getMessage(), e.getMessage().contains("cannot be read as an ECDSA-P256-SHA256 key pair"));
    }

    @Test
    public void restrictsAPrivateKeyOthersCouldRead() throws Exception {
        Path directory = folder.getRoot().toPath();
        TimeKey.loadOrCreate(directory, suite);
        Path file = directory.resolve(TimeKey.PRIVATE_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        TimeKey.loadOrCreate(directory, suite);
        assertEquals(SecureFiles.OWNER_FILE, Files.getPosixFilePermissions(file));
    }
}
