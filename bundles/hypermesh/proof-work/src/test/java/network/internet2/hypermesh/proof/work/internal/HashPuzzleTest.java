package network.internet2.hypermesh.proof.work.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

import org.junit.Test;

public class HashPuzzleTest {

    @Test
    public void countsLeadingZeroBits() {
        assertEquals(0, HashPuzzle.leadingZeroBits(new byte[] {(byte) 0x80, 0}));
        assertEquals(1, HashPuzzle.leadingZeroBits(new byte[] {0x40, 0}));
        assertEquals(7, HashPuzzle.leadingZeroBits(new byte[] {0x01, (byte) 0xff}));
        assertEquals(8, HashPuzzle.leadingZeroBits(new byte[] {0x00, (byte) 0xff}));
        assertEquals(12, HashPuzzle.leadingZeroBits(new byte[] {0x00, 0x0f, (byte) 0xff}));
        assertEquals(256, HashPuzzle.leadingZeroBits(new byte[32]));
    }

    @Test
    public void hashesTagDifficultyLengthValueAndCounter() throws Exception {
        byte[] value = Challenges.sha256("layout");
        long counter = 0x0102030405060708L;
        byte[] input = ByteBuffer.allocate(HashPuzzle.TAG.length + 1 + 4 + value.length + 8).put(HashPuzzle.TAG)
                .put((byte) 20).putInt(value.length).put(value).putLong(counter).array();
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(input);
        assertEquals(HashPuzzle.leadingZeroBits(expected), new HashPuzzle(value, 20).zeroBits(counter));
        assertEquals("internet2/hypermesh/proof-of-work/v1", new String(HashPuzzle.TAG, "US-ASCII"));
    }

    @Test
    public void findsTheFirstSolvingCounter() throws Exception {
        byte[] value = Challenges.sha256("first");
        HashPuzzle puzzle = new HashPuzzle(value, 10);
        long counter = puzzle.solve(1 << 20, System.nanoTime() + 10_000_000_000L, () -> false);
        assertTrue(puzzle.solvedBy(counter));
        for (long smaller = 0; smaller < counter; smaller++) {
            assertFalse(puzzle.solvedBy(smaller));
        }
    }

    @Test
    public void valueLengthIsPartOfTheInput() {
        // value "ab" + counter and value "a" + "b…" must not collide by construction
        HashPuzzle two = new HashPuzzle(new byte[] {1, 2}, 1);
        HashPuzzle one = new HashPuzzle(new byte[] {1}, 1);
        int differing = 0;
        for (long counter = 0; counter < 64; counter++) {
            if (two.zeroBits(counter) != one.zeroBits(counter << 8 | 2)) {
                differing++;
            }
        }
        assertTrue(differing > 0);
    }
}
