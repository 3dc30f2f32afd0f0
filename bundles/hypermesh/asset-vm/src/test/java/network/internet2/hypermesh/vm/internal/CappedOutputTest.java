package network.internet2.hypermesh.vm.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class CappedOutputTest {

    @Test
    public void keepsTheFirstBytesUpToItsCapAndRemembersDroppingTheRest() {
        CappedOutput output = new CappedOutput(5);
        output.write(new byte[] {1, 2, 3}, 0, 3);
        assertFalse(output.truncated());
        output.write(new byte[] {9, 4, 5, 6, 7}, 1, 4);
        output.write(8);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, output.bytes());
        assertTrue(output.truncated());
    }

    @Test
    public void isNotTruncatedWhenExactlyFull() {
        CappedOutput output = new CappedOutput(2);
        output.write(new byte[] {1, 2}, 0, 2);
        output.write(new byte[0], 0, 0);
        assertArrayEquals(new byte[] {1, 2}, output.bytes());
        assertFalse(output.truncated());
    }
}
