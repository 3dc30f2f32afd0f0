package network.internet2.hypermesh.proof.stake.internal;

import java.util.Arrays;

/**
 * One account's balance after each of its entries, by ledger height, so that
 * its balance at any height is exact: the balance after its last entry at or
 * below that height. Not thread-safe; the ledger guards it.
 */
final class BalanceHistory {

    private long[] heights = new long[4];
    private long[] balances = new long[4];
    private int size;

    /** Records the balance after the entry at {@code height}, which is above every height recorded. */
    void add(long height, long balance) {
        if (size > 0 && height <= heights[size - 1]) {
            throw new IllegalArgumentException("height " + height + " does not follow " + heights[size - 1]);
        }
        if (size == heights.length) {
            heights = Arrays.copyOf(heights, size * 2);
            balances = Arrays.copyOf(balances, size * 2);
        }
        heights[size] = height;
        balances[size] = balance;
        size++;
    }

    /** @return the balance now (0 before any entry) */
    long current() {
        return size == 0 ? 0 : balances[size - 1];
    }

    /** @return the balance at ledger height {@code height}, or -1 if the account had no entry at or below it */
    long at(long height) {
        int found = Arrays.binarySearch(heights, 0, size, height);
        int index = found >= 0 ? found : -found - 2;
        return index < 0 ? -1 : balances[index];
    }

    /** @return the height of the first entry, or -1 if none */
    long first() {
        return size == 0 ? -1 : heights[0];
    }
}
