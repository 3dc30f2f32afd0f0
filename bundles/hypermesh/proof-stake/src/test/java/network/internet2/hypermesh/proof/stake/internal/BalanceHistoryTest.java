package network.internet2.hypermesh.proof.stake.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** The balance at any height is the balance after the account's last entry at or below it. */
public class BalanceHistoryTest {

    @Test
    public void answersTheBalanceAtAnyHeight() {
        BalanceHistory history = new BalanceHistory();
        assertEquals(0, history.current());
        assertEquals(-1, history.at(5));
        for (int i = 1; i <= 20; i++) {
            history.add(i * 10L, i * 100L);
        }
        assertEquals(-1, history.at(9));
        assertEquals(100, history.at(10));
        assertEquals(100, history.at(19));
        assertEquals(200, history.at(20));
        assertEquals(2000, history.at(1_000_000));
        assertEquals(2000, history.current());
        assertEquals(10, history.first());
        assertThrows(IllegalArgumentException.class, () -> history.add(200, 1));
    }
}
