package network.internet2.trustchain.ct.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TreeStorageTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void rootsAndProofsAgreeWithRfc9162sDefinitionsForEverySizeUpTo70() throws IOException {
        List<byte[]> leafHashes = new ArrayList<>();
        try (TreeStorage storage = TreeStorage.open(folder.getRoot().toPath())) {
            assertArrayEquals(MerkleHashes.empty(), storage.rootHash(0));
            for (int n = 1; n <= 70; n++) {
                byte[] leaf = ("leaf " + n).getBytes();
                leafHashes.add(MerkleHashes.leaf(leaf));
                storage.append(List.of(new TreeStorage.Entry(leaf, new byte[] {(byte) n})));
                assertEquals(n, storage.size());
                assertArrayEquals("root of " + n, ReferenceTree.mth(leafHashes, 0, n), storage.rootHash(n));
            }
            for (int n = 1; n <= 70; n++) {
                for (int m = 0; m < n; m++) {
                    assertPathEquals("inclusion " + m + " in " + n, ReferenceTree.path(m, leafHashes, 0, n),
                            storage.inclusionPath(m, n));
                }
                for (int m = 1; m <= n; m++) {
                    assertPathEquals("consistency " + m + " to " + n, ReferenceTree.proof(m, leafHashes, n),
                            storage.consistencyPath(m, n));
                }
            }
        }
    }

    @Test
    public void batchesAndSingleAppendsBuildTheSameTree() throws IOException {
        Random random = new Random(7);
        List<TreeStorage.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] leaf = new byte[1 + random.nextInt(50)];
            random.nextBytes(leaf);
            entries.add(new TreeStorage.Entry(leaf, new byte[0]));
        }
        Path one = folder.getRoot().toPath().resolve("one");
        Path many = folder.getRoot().toPath().resolve("many");
        try (TreeStorage single = TreeStorage.open(one); TreeStorage batched = TreeStorage.open(many)) {
            for (TreeStorage.Entry entry : entries) {
                single.append(List.of(entry));
            }
            for (int from = 0; from < entries.size(); from += 37) {
                batched.append(entries.subList(from, Math.min(entries.size(), from + 37)));
            }
            assertArrayEquals(single.rootHash(300), batched.rootHash(300));
            assertArrayEquals(entries.get(123).leafInput(), batched.entry(123).leafInput());
            assertEquals(123, batched.indexOf(MerkleHashes.leaf(entries.get(123).leafInput()), 300));
            assertEquals("not within the first 100", -1,
                    batched.indexOf(MerkleHashes.leaf(entries.get(123).leafInput()), 100));
            assertEquals(-1, batched.indexOf(new byte[32], 300));
        }
    }

    @Test
    public void reopeningKeepsEverythingAndATornTailIsCut() throws IOException {
        Path directory = folder.getRoot().toPath();
        byte[] root;
        try (TreeStorage storage = TreeStorage.open(directory)) {
            for (int i = 0; i < 50; i++) {
                storage.append(List.of(new TreeStorage.Entry(("e" + i).getBytes(), new byte[] {1, 2})));
            }
            root = storage.rootHash(50);
        }
        // a crash in the middle of writing a record: half a header and some payload bytes
        try (FileChannel log = FileChannel.open(directory.resolve("entries.log"), StandardOpenOption.APPEND)) {
            log.write(ByteBuffer.wrap(new byte[] {0x43, 0x54, 0x4c, 0x31, 0, 0, 0, 40, 1, 2, 3}));
        }
        try (TreeStorage storage = TreeStorage.open(directory)) {
            assertEquals(50, storage.size());
            assertArrayEquals(root, storage.rootHash(50));
            storage.append(List.of(new TreeStorage.Entry("after".getBytes(), new byte[0])));
            assertEquals(51, storage.size());
        }
        try (TreeStorage storage = TreeStorage.open(directory)) {
            assertEquals(51, storage.size());
            assertArrayEquals("after".getBytes(), storage.entry(50).leafInput());
        }
    }

    @Test
    public void lostDerivedFilesAreRecomputedFromTheEntries() throws IOException {
        Path directory = folder.getRoot().toPath();
        byte[] root;
        try (TreeStorage storage = TreeStorage.open(directory)) {
            for (int i = 0; i < 100; i++) {
                storage.append(List.of(new TreeStorage.Entry(("x" + i).getBytes(), new byte[0])));
            }
            root = storage.rootHash(100);
        }
        // as after a crash before the derived files reached the disk: they are short, the checkpoint older
        Files.writeString(directory.resolve("checkpoint"), "0 0\n");
        try (FileChannel level = FileChannel.open(directory.resolve("level-0.bin"), StandardOpenOption.WRITE)) {
            level.truncate(32 * 10);
        }
        Files.delete(directory.resolve("level-3.bin"));
        try (FileChannel offsets = FileChannel.open(directory.resolve("offsets.bin"), StandardOpenOption.WRITE)) {
            offsets.truncate(8 * 3);
        }
        try (TreeStorage storage = TreeStorage.open(directory)) {
            assertEquals(100, storage.size());
            assertArrayEquals(root, storage.rootHash(100));
            assertArrayEquals("x77".getBytes(), storage.entry(77).leafInput());
        }
    }

    @Test
    public void aDamagedRecordEndsTheLogThereAndNothingAfterIsTrusted() throws IOException {
        Path directory = folder.getRoot().toPath();
        try (TreeStorage storage = TreeStorage.open(directory)) {
            for (int i = 0; i < 10; i++) {
                storage.append(List.of(new TreeStorage.Entry(("r" + i).getBytes(), new byte[0])));
            }
        }
        Files.delete(directory.resolve("checkpoint"));
        long size = Files.size(directory.resolve("entries.log"));
        try (FileChannel log = FileChannel.open(directory.resolve("entries.log"), StandardOpenOption.WRITE)) {
            log.write(ByteBuffer.wrap(new byte[] {(byte) 0xff}), size - 3); // flips a byte of the last record
        }
        try (TreeStorage storage = TreeStorage.open(directory)) {
            assertEquals(9, storage.size());
        }
    }

    @Test
    public void outOfRangeQuestionsAreRefused() throws IOException {
        try (TreeStorage storage = TreeStorage.open(folder.getRoot().toPath())) {
            storage.append(List.of(new TreeStorage.Entry(new byte[] {1}, new byte[0])));
            expectRefused(() -> storage.entry(1));
            expectRefused(() -> storage.inclusionPath(0, 2));
            expectRefused(() -> storage.inclusionPath(1, 1));
            expectRefused(() -> storage.rootHash(2));
            expectRefused(() -> storage.consistencyPath(2, 1));
        }
    }

    private interface Call {
        Object run() throws IOException;
    }

    private static void expectRefused(Call call) throws IOException {
        try {
            call.run();
            fail("accepted");
        } catch (IndexOutOfBoundsException | IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), !expected.getMessage().isBlank());
        }
    }

    private static void assertPathEquals(String what, List<byte[]> expected, List<byte[]> actual) {
        assertEquals(what + ": length", expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(what + ": element " + i, expected.get(i), actual.get(i));
        }
    }
}
