package network.internet2.stoq.cli.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class HandshakesCommandTest {

    @Test
    public void percentilesAreNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(50, HandshakesCommand.percentile(sorted, 50));
        assertEquals(99, HandshakesCommand.percentile(sorted, 99));
        assertEquals(7, HandshakesCommand.percentile(new long[] {7}, 99));
        assertEquals(2, HandshakesCommand.percentile(new long[] {1, 2, 3}, 50));
    }
}
